import Foundation
import SnapshotKit

/// The reducer: the only place state changes. Pure: no I/O, no clock, no terminal.
public func update(_ state: inout AppState, _ event: Event) -> [Effect] {
    switch event {
    case .resize(let size):
        state.size = size
        return []
    case .tick(let date):
        state.now = date
        kioskTick(&state, date)
        return []
    case .snapshotLoaded(let snapshot):
        state.snapshot = snapshot
        state.refusal = nil
        if state.kiosk != nil { showKioskStep(&state) }
        clampSelection(&state)
        return []
    case .snapshotRefused(let failure):
        state.refusal = failure
        return []
    case .mouse(let x, let y, let double):
        if state.kiosk != nil { return [] }
        return click(&state, x: x, y: y, double: double)
    case .key(let key):
        if state.kiosk != nil { return kioskKey(&state, key) }
        return press(&state, key)
    }
}

private func press(_ state: inout AppState, _ key: Key) -> [Effect] {
    if state.showHelp {
        state.showHelp = false
        if Action.forKey(key) == .quit { state.shouldQuit = true; return [.quit] }
        return []
    }
    if state.search != nil { return searchKey(&state, key) }
    guard let action = Action.forKey(key) else { return [] }
    return perform(&state, action)
}

/// Carries out one action.
public func perform(_ state: inout AppState, _ action: Action) -> [Effect] {
    let rowCount = TableModel.rows(state).count
    let page = max(1, state.size.height - 16)
    switch action {
    case .quit:
        state.shouldQuit = true
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
    case .nextFocus: state.focus = cycle(state.focus, 1)
    case .previousFocus: state.focus = cycle(state.focus, -1)
    case .panel1, .panel2, .panel3, .panel4:
        let p = PanelKind(rawValue: [Action.panel1, .panel2, .panel3, .panel4].firstIndex(of: action)!)!
        if state.expandedPanel != nil { state.expandedPanel = p }
        state.focus = .panel(p)
    case .previousPeriod: shiftPeriod(&state, -1)
    case .nextPeriod: shiftPeriod(&state, 1)
    case .cyclePeriodKind:
        let kinds = Period.Kind.allCases
        state.periodKind = kinds[(kinds.firstIndex(of: state.periodKind)! + 1) % kinds.count]
        state.periodOffset = 0
    case .sort:
        let cols = TableColumn.allCases
        state.sortColumn = cols[(state.sortColumn.rawValue + 1) % cols.count]
        state.sortDescending = state.sortColumn != .name && UnitFigures.lowerIsWorse(state.sortColumn) != true
    case .reverseSort: state.sortDescending.toggle()
    case .cycleTheme:
        state.themeIndex = (state.themeIndex + 1) % max(1, state.themeNames.count)
        return [.applyTheme(state.themeName)]
    case .toggleMouse:
        state.mouseEnabled.toggle()
        return [.setMouse(state.mouseEnabled)]
    case .help: state.showHelp = true
    case .redraw: return [.redrawAll]
    case .suspend: return [.suspend]
    }
    return []
}

private func move(_ state: inout AppState, _ delta: Int, _ count: Int) {
    guard count > 0 else { state.selectedRow = 0; return }
    state.selectedRow = min(max(state.selectedRow + delta, 0), count - 1)
}

private func cycle(_ focus: Focus, _ delta: Int) -> Focus {
    let order: [Focus] = [.table] + PanelKind.allCases.map { .panel($0) }
    let i = order.firstIndex(of: focus) ?? 0
    return order[(i + delta + order.count) % order.count]
}

/// Steps the period, never past the snapshot's last month nor before its first.
private func shiftPeriod(_ state: inout AppState, _ delta: Int) {
    guard let s = state.snapshot, let p = state.period else { return }
    let next = p.shifted(by: delta)
    let first = min(s.dossiers.firstMonth.index, s.tourism.monthCount > 0 ? s.tourism.firstMonth.index : Int.max)
    guard next.months.lowerBound <= s.latestMonth.index, next.months.upperBound >= first else { return }
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
    state.expandedPanel = nil
    state.focus = .table
}

private func goBack(_ state: inout AppState) {
    if state.expandedPanel != nil { state.expandedPanel = nil; return }
    if state.focus != .table { state.focus = .table; return }
    guard let s = state.snapshot, let here = state.placeIndex, let parent = s.units.units[here].parent else {
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
    let n = TableModel.rows(state).count
    state.selectedRow = min(state.selectedRow, max(0, n - 1))
}

private func searchKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard var search = state.search else { return [] }
    let results = TableModel.searchResults(state)
    switch key {
    case .escape: state.search = nil; return []
    case .enter:
        if results.indices.contains(search.selected) {
            let unit = results[search.selected]
            state.search = nil
            go(&state, to: unit)
            if let parent = unit.parent, let s = state.snapshot {
                // Remember the path so that going up selects the right rows.
                let siblings = TableModel.rows({ var p = state; p.place = parent == 0 ? .province : .district(s.units.units[parent].code); return p }())
                if let row = siblings.firstIndex(where: { $0.unit.index == unit.index }) {
                    state.rememberedRows[s.units.units[parent].code] = row
                }
            }
        }
        return []
    case .backspace:
        if !search.query.isEmpty { search.query.removeLast() }
        search.selected = 0
    case .up: search.selected = max(0, search.selected - 1)
    case .down, .tab: search.selected = min(max(0, results.count - 1), search.selected + 1)
    case .ctrl("c"): state.search = nil; return []
    case .char(let c):
        search.query.append(c)
        search.selected = 0
    default: return []
    }
    state.search = search
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
