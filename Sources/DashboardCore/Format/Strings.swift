/// Every interface string, by key. Each language is one exhaustive `switch`, so a key
/// without a translation does not compile.
public enum StringKey: String, CaseIterable, Sendable {
    case appTitle, dataTime, stale, refused, crashedOnExport, setAsideUntilNew, noData, loading, enlarge, enlargeDetail
    case period, vsPrevious, vsLastYear
    case dossiers, bts, ocop, tourism
    case received, online, onTime, overdue
    case sitesActive, coverage, villages, noSignal, broadband, households, poorHouseholds
    case products, listedOnline, stars, platforms
    case visitors, international, revenue
    case onTrack, atRisk, behind
    case unit, districtsTable, communesTable, groupsTable, twoTierCommunesTable, straddlesLegend, code, name, field, level, operatorName, technology
    case levelProvince, levelDistrict, levelCommune
    case hintMove, hintOpen, hintBack, hintSearch, hintSort, hintPeriod, hintHelp, hintQuit, hintPanel, hintMapMove, hintMapBack, axisFrom, previousWord, lastYearWord
    case helpTitle, helpClose, helpDashboard, helpSearch, helpKiosk, helpLegend, searchPrompt, noMatches, sortedBy, errorsMore
    case villageList, siteList, productList, fieldBreakdown, noTourismHere, none
    case mobileSignal, siteActive, sitePlanned, siteDown, currentFigures, rebasedBefore, rebasedOnto, historicalTitle, ocopDistrictLevel
    case definitions, remainderProvince, remainderDistrict, remainderAboveCommunes, remainderNoDistrict, remainderNoGroup, remainderNoCommune
    case onTimeOfficial, overdueOfficial, overdueShort, resolvedLateOfficial, latestPeriod, earliestPeriod, legendChange, legendWorst, legendSort
    case noDataForPeriod, revenueMillion, page, vsLastYearShort, targetStatus, atRiskShort
    case onlineByMonth, vneidShareByMonth, visitorsByMonth, sitesByMonth, listedByMonth, furthestBehind, largestChanges, value, gap, targetValue, ranking
    case society, vneidActivated, vneidShare, digitalTeams, digitalTeamsShort, teamMembers, members, digitalSkills
    case cashless, householdAccounts, citizenApp, accounts, officialEmail, appDownloads, appAccounts
    case cashlessShort, accountsShort, appAccountsShort, digitalSkillsShort
    case asOf, kioskPaused, twelveMonths, yes, no, days, arriving, clockBehind, themeNamed, mouseOn, mouseOff
    case digitized, eResult, valueOrRate, estimate766Label, progressShort
    case progress766Short, carriedShort, resolvedShort, inProgressShort, index766Estimated
    case form06Title, f06ReceivedTotal, f06ReceivedOnline, f06ReceivedDirect, f06CarriedOver, f06ResolvedTotal, f06Early, f06OnDue, f06Late, f06InProgressTotal, f06WithinDue, f06InProgressOverdue, f06Supplement, f06Returned, f06Withdrawn, f06Note, estimate766, index766, progress766, onlineService766, payment766, digitisation766, transparency766, satisfaction766, points, official766, rank, ourProgress, fullOnline, form06Breakdown
    case mapTitle, mapNoGeometry, mapSelected, mapSites, helpMap
    case differsFromManifest, missingFromExport, kioskQuitHelp, dataOnlyTo, currentNow, currentShort
    case estimate766Short, index766TildeEstimate, estimate766Maximum
    case presenting, followersWord, followingWord, independentShort, followAgain, waitingForPresenter, presenterLeft
    case reloading
    case notInThisData, presenterDataOf, roomTakenOver
}

public struct Strings: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }
    public subscript(_ key: StringKey) -> String {
        language == .vi ? Strings.vi(key) : Strings.en(key)
    }

    /// What an action does, for the help overlay.
    public func help(_ action: Action) -> String {
        language == .vi ? Strings.viHelp(action) : Strings.enHelp(action)
    }
}
