import Foundation
import SnapshotKit

/// The reducer: the only place state changes. Pure: no I/O, no clock, no terminal.
public func update(_ state: inout AppState, _ event: Event) -> [Effect] {
    switch event {
    case .resize(let size):
        state.size = size
        return []
    case .tick(let instant):
        state.now = instant.wall
        state.monotonic = instant.monotonic
        kioskTick(&state)
        return []
    case .snapshotLoaded(let snapshot):
        clearReloadFlash(&state)
        state.snapshot = snapshot
        state.refusal = nil
        state.arriving = nil
        if state.kiosk != nil { showKioskStep(&state) }
        clampSelection(&state)
        // A follower shows the presenter's route on its new data too.
        if let f = state.followState, f.leading, let route = f.route, let version = f.version, let who = f.presenter {
            followed(&state, route, version, presenter: who)
        }
        return []
    case .snapshotRefused(let failure):
        clearReloadFlash(&state)
        state.refusal = failure
        state.arriving = nil
        return []
    case .snapshotArriving(let what):
        state.arriving = what
        return []
    case .mouse(let x, let y, let double):
        if state.kiosk != nil { return [] }
        let before = state.route
        let effects = click(&state, x: x, y: y, double: double)
        if state.route != before { breakAway(&state) }
        return effects
    case .key(let key):
        state.notes.removeAll()
        state.flash = nil
        return press(&state, key)
    case .terminalClosed, .terminate:
        return [.quit]
    case .followed(let route, let version, let presenter):
        followed(&state, route, version, presenter: presenter)
        return []
    case .presenterGone:
        presenterGone(&state)
        return []
    case .followerCount(let n):
        if case .presenting = state.presence { state.presence = .presenting(followers: max(0, n)) }
        return []
    case .presentingEnded:
        if case .presenting = state.presence { state.presence = .alone; state.flash = state.strings[.roomTakenOver] }
        return []
    }
}

/// Which bindings apply now.
public func inputMode(_ state: AppState) -> InputMode {
    if state.kiosk != nil { return .kiosk }
    if state.showHelp { return .help }
    if state.search != nil { return .search }
    if state.showMap, state.expandedPanel == nil, state.focus != .table, state.snapshot?.geometry != nil { return .map }
    return .normal
}

private func press(_ state: inout AppState, _ key: Key) -> [Effect] {
    let mode = inputMode(state)
    guard let action = state.keymap.action(for: key, in: mode) else {
        if mode == .search, case .char(let c) = key {
            state.search?.query.append(c)
            state.search?.selected = 0
        }
        return []
    }
    return perform(&state, action)
}

/// Carries out one action.
public func perform(_ state: inout AppState, _ action: Action) -> [Effect] {
    // A follower that navigates breaks away from the presenter (`F` follows again).
    if [.normal, .map, .search].contains(inputMode(state)), !passiveActions.contains(action) { breakAway(&state) }
    switch inputMode(state) {
    case .kiosk: return kioskAction(&state, action)
    case .search: return searchAction(&state, action)
    case .help: return helpAction(&state, action)
    case .map:
        switch action {
        case .moveUp, .moveDown, .mapWest, .mapEast:
            // When the map shows the place among its neighbours (no outlines below it), ↑ ↓ move the table.
            guard MapScope(state)?.followsTable == true else { break }
            let direction: [Action: (Double, Double)] = [.moveUp: (0, -1), .moveDown: (0, 1), .mapWest: (-1, 0), .mapEast: (1, 0)]
            let (dx, dy) = direction[action]!
            MapNavigation.move(&state, dx: dx, dy: dy)
            return []
        case .open:
            // Drill down as in the table, and stay on the map.
            let focus = state.focus
            openSelected(&state)
            state.focus = focus
            return []
        default: break
        }
    case .normal: break
    }
    let rowCount = TableModel.rows(state).count
    let layout = Layout.make(state)
    let page = max(1, layout?.tableCapacity ?? 1)
    if case .commune = state.place, let scrolled = scrollLists(&state, action, page: max(1, (layout?.detail?.height ?? 8) / 2 - 3)) {
        return scrolled
    }
    switch action {
    case .quit:
        return [.quit]
    case .moveUp: move(&state, -1, rowCount)
    case .moveDown: move(&state, 1, rowCount)
    case .pageUp: move(&state, -page, rowCount)
    case .pageDown: move(&state, page, rowCount)
    case .first: state.selectedRow = 0
    case .last: state.selectedRow = max(0, rowCount - 1)
    case .open:
        if case .panel(let p) = state.focus, state.expandedPanel == nil {
            state.expandedPanel = p
        } else {
            openSelected(&state)
        }
    case .back: goBack(&state)
    case .search: state.search = SearchState()
    case .nextFocus: state.focus = cycle(state, 1)
    case .previousFocus: state.focus = cycle(state, -1)
    case .focusPanel(let n):
        let panels = state.shownPanels
        guard panels.indices.contains(n - 1) else { return [] }
        let p = panels[n - 1].id
        if state.expandedPanel != nil { state.expandedPanel = p }
        state.focus = .panel(p)
    case .previousPeriod: shiftPeriod(&state, -1)
    case .nextPeriod: shiftPeriod(&state, 1)
    case .cyclePeriodKind:
        let kinds = Period.Kind.allCases
        state.periodKind = kinds[((kinds.firstIndex(of: state.periodKind) ?? 0) + 1) % kinds.count]
        state.periodOffset = 0
    case .sort:
        // Only the columns on screen: sorting by one the user cannot see would look random.
        let cols = TableView.shownColumns(state)
        let i = cols.firstIndex { $0.id == state.sortColumn } ?? 0
        let next = cols[(i + 1) % cols.count]
        state.sortColumn = next.id
        state.sortDescending = next.id != UnitColumn.name.id && next.lowerIsWorse != true
    case .reverseSort: state.sortDescending.toggle()
    case .toggleFlatList:
        guard let s = state.snapshot, s.units.twoTier, !s.units.districtIndexes.isEmpty else { return [] }
        let here = state.placeIndex.map { s.units.units[$0] }
        state.flatList.toggle()
        if here?.level == .district { go(&state, to: s.units.province) }
        state.selectedRow = 0
    case .cycleTheme:
        state.themeIndex = (state.themeIndex + 1) % max(1, state.themeNames.count)
        state.flash = "\(state.strings[.themeNamed]): \(state.themeName)"
        return [.applyTheme(state.themeName)]
    case .toggleMouse:
        state.mouseEnabled.toggle()
        state.flash = state.strings[state.mouseEnabled ? .mouseOn : .mouseOff]
        return [.setMouse(state.mouseEnabled)]
    case .help:
        state.showHelp = true
        state.helpScroll = 0
    case .redraw: return [.redrawAll]
    case .reload:
        state.flash = state.strings[.reloading]
        return [.reload]
    case .suspend: return [.suspend]
    case .followPresenter: followPresenter(&state)
    case .toggleMap, .toggleSites:
        guard state.snapshot?.geometry != nil else { state.flash = state.strings[.mapNoGeometry]; return [] }
        if action == .toggleMap { state.showMap.toggle() } else { state.showSites.toggle(); state.showMap = true }
    default: break
    }
    return []
}

/// At a commune there is no unit table: the moving keys scroll its lists (each list stops at
/// its own end).
private func scrollLists(_ state: inout AppState, _ action: Action, page: Int) -> [Effect]? {
    let longest = DetailView.longestList(state)
    switch action {
    case .moveUp: state.listScroll -= 1
    case .moveDown: state.listScroll += 1
    case .pageUp: state.listScroll -= page
    case .pageDown: state.listScroll += page
    case .first: state.listScroll = 0
    case .last: state.listScroll = longest
    default: return nil
    }
    state.listScroll = min(max(0, state.listScroll), max(0, longest - 1))
    return []
}

private func move(_ state: inout AppState, _ delta: Int, _ count: Int) {
    guard count > 0 else { state.selectedRow = 0; return }
    state.selectedRow = min(max(state.selectedRow + delta, 0), count - 1)
}

private func cycle(_ state: AppState, _ delta: Int) -> Focus {
    let order: [Focus] = [.table] + state.shownPanels.map { .panel($0.id) }
    let i = order.firstIndex(of: state.focus) ?? 0
    return order[(i + delta + order.count) % order.count]
}

/// Steps the period, never past the snapshot's last month nor before its first.
private func shiftPeriod(_ state: inout AppState, _ delta: Int) {
    guard let s = state.snapshot, let p = state.period else { return }
    let next = p.shifted(by: delta)
    let first = min(s.dossiers.firstMonth.index, s.tourism.monthCount > 0 ? s.tourism.firstMonth.index : Int.max)
    guard next.months.lowerBound <= s.latestMonth.index, next.months.upperBound >= first else {
        state.flash = state.strings[delta > 0 ? .latestPeriod : .earliestPeriod]
        return
    }
    state.periodOffset += delta
}

private func openSelected(_ state: inout AppState) {
    guard let s = state.snapshot, let here = state.placeIndex else { return }
    let rows = TableModel.rows(state)
    guard rows.indices.contains(state.selectedRow) else { return }
    let target = rows[state.selectedRow].unit
    state.rememberedRows[s.units.units[here].code] = state.selectedRow
    go(&state, to: target)
}

/// Moves to a unit (from the table or a search), selecting row 0 of its table.
public func go(_ state: inout AppState, to unit: AdminUnit) {
    switch unit.level {
    case .province: state.place = .province
    case .district: state.place = .district(unit.code)
    case .commune: state.place = .commune(unit.code)
    }
    state.selectedRow = state.rememberedRows[unit.code] ?? 0
    state.listScroll = 0
    state.expandedPanel = nil
    state.focus = .table
}

private func goBack(_ state: inout AppState) {
    if state.expandedPanel != nil { state.expandedPanel = nil; return }
    if state.focus != .table { state.focus = .table; return }
    guard let s = state.snapshot, let here = state.placeIndex, let parent = TableModel.parent(state, of: here) else {
        if state.place != .province { state.place = .province; state.selectedRow = 0 }
        return
    }
    let parentUnit = s.units.units[parent]
    go(&state, to: parentUnit)
    // Select the unit we came from.
    if let row = TableModel.rows(state).firstIndex(where: { $0.unit.index == here }) { state.selectedRow = row }
}

private func clampSelection(_ state: inout AppState) {
    if state.snapshot != nil, state.placeIndex == nil { state.place = .province }
    if let p = state.expandedPanel, !state.shownPanels.contains(where: { $0.id == p }) { state.expandedPanel = nil }
    if case .panel(let p) = state.focus, !state.shownPanels.contains(where: { $0.id == p }) { state.focus = .table }
    let n = TableModel.rows(state).count
    state.selectedRow = min(state.selectedRow, max(0, n - 1))
}

private func searchAction(_ state: inout AppState, _ action: Action) -> [Effect] {
    guard var search = state.search else { return [] }
    let results = TableModel.searchResults(state)
    switch action {
    case .searchCancel: state.search = nil; return []
    case .searchAccept:
        if results.indices.contains(search.selected) {
            let unit = results[search.selected].unit
            state.search = nil
            go(&state, to: unit)
            if let parent = unit.parent, let s = state.snapshot {
                // Remember the path so that going up selects the right rows.
                var above = state
                above.place = parent == 0 ? .province : .district(s.units.units[parent].code)
                if let row = TableModel.rows(above).firstIndex(where: { $0.unit.index == unit.index }) {
                    state.rememberedRows[s.units.units[parent].code] = row
                }
            }
        }
        return []
    case .searchErase:
        if !search.query.isEmpty { search.query.removeLast() }
        search.selected = 0
    case .searchPrevious: search.selected = max(0, search.selected - 1)
    case .searchNext: search.selected = min(max(0, results.count - 1), search.selected + 1)
    default: return []
    }
    state.search = search
    return []
}

private func helpAction(_ state: inout AppState, _ action: Action) -> [Effect] {
    let page = max(1, state.size.height - 8)
    switch action {
    case .quit:
        return [.quit]
    case .closeHelp: state.showHelp = false
    case .moveUp: state.helpScroll = max(0, state.helpScroll - 1)
    case .moveDown: state.helpScroll += 1
    case .pageUp: state.helpScroll = max(0, state.helpScroll - page)
    case .pageDown: state.helpScroll += page
    case .first: state.helpScroll = 0
    case .last: state.helpScroll = Int.max / 2
    default: break
    }
    // The overlay clamps what it shows; keep the state within the list too.
    state.helpScroll = min(state.helpScroll, max(0, Overlays.helpLines(state).count - 1))
    return []
}

private func click(_ state: inout AppState, x: Int, y: Int, double: Bool) -> [Effect] {
    guard state.mouseEnabled, let layout = Layout.make(state), let table = layout.table else { return [] }
    let firstRow = table.y + 2 // frame + header
    let row = y - firstRow + layout.tableScroll(state)
    guard table.contains(x: x, y: y), y >= firstRow, row >= 0, row < TableModel.rows(state).count else { return [] }
    state.focus = .table
    state.selectedRow = row
    if double { openSelected(&state) }
    return []
}

/// "Reading the data again…" stays until the load it announced has ended.
private func clearReloadFlash(_ state: inout AppState) {
    if state.flash == state.strings[.reloading] { state.flash = nil }
}
