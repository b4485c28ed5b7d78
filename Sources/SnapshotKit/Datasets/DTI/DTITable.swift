/// One province's digital transformation index (DTI, Decision 405/QĐ-BKHCN) for a year: the
/// 8 main indices, the total, its rank among the provinces ranked, and the announcement date.
public struct DTIRow: Equatable, Sendable {
    /// The 8 main indices, in the Decision's order (3 pillars: government, economy, society).
    public static let indexColumns = ["awareness", "institutions", "infrastructure", "human_resources", "cybersecurity",
                                      "government", "economy", "society"]
    public static let namesVi = ["Nhận thức số", "Thể chế số", "Hạ tầng số", "Nhân lực số", "An toàn thông tin mạng",
                                 "Hoạt động chính quyền số", "Hoạt động kinh tế số", "Hoạt động xã hội số"]
    public static let namesEn = ["Digital awareness", "Digital institutions", "Digital infrastructure", "Digital human resources",
                                 "Cybersecurity", "Digital government", "Digital economy", "Digital society"]

    public let year: Int
    public let provinceCode: String
    public let provinceName: String
    /// Values 0–1, in the order of `indexColumns`.
    public let indices: [Double]
    public let dti: Double
    public let rank: Int
    /// Among how many, when the file says (`ranked`); else the rows of the year.
    public let ranked: Int?
    public let published: Day
    public let note: String

    public init(year: Int, provinceCode: String, provinceName: String, indices: [Double], dti: Double, rank: Int, ranked: Int? = nil,
                published: Day, note: String = "") {
        self.year = year; self.provinceCode = provinceCode; self.provinceName = provinceName; self.indices = indices; self.dti = dti
        self.rank = rank; self.ranked = ranked; self.published = published; self.note = note
    }
}

/// The DTI of every province ranked, by year, and what the panel reads of it for one province.
public struct DTITable: Equatable, Sendable {
    public let rows: [DTIRow]
    public init(rows: [DTIRow]) { self.rows = rows }

    public var years: [Int] { Array(Set(rows.map(\.year))).sorted() }
    public func rows(of year: Int) -> [DTIRow] { rows.filter { $0.year == year } }
    public func row(_ province: String, _ year: Int) -> DTIRow? { rows.first { $0.year == year && $0.provinceCode == province } }

    /// The latest year with a row of `province`.
    public func latest(_ province: String) -> DTIRow? {
        rows.filter { $0.provinceCode == province }.max { $0.year < $1.year }
    }

    /// The province's row of the year before `row`'s, if any.
    public func previous(_ row: DTIRow) -> DTIRow? { self.row(row.provinceCode, row.year - 1) }

    /// How many provinces were ranked that year: as a row says, else its rows.
    public func ranked(_ year: Int) -> Int {
        let r = rows(of: year)
        return r.compactMap(\.ranked).max() ?? r.count
    }

    /// Whether the file lists every province ranked that year: places on the indices, the
    /// national mean and the best are known only then (nil otherwise, never a guess).
    public func isComplete(_ year: Int) -> Bool { rows(of: year).count >= ranked(year) }

    /// The province's place on main index `k` that year: 1 + the provinces with a higher value.
    public func indexRank(_ row: DTIRow, _ k: Int) -> Int? {
        guard isComplete(row.year) else { return nil }
        return 1 + rows(of: row.year).filter { $0.indices[k] > row.indices[k] }.count
    }

    /// How many of the 8 main indices rank in the national top 10.
    public func top10Count(_ row: DTIRow) -> Int? {
        guard isComplete(row.year) else { return nil }
        return (0..<8).filter { (indexRank(row, $0) ?? 99) <= 10 }.count
    }

    /// The national mean and the best value of main index `k` that year.
    public func mean(_ year: Int, _ k: Int) -> Double? {
        let r = rows(of: year)
        return r.isEmpty || !isComplete(year) ? nil : r.map { $0.indices[k] }.reduce(0, +) / Double(r.count)
    }
    public func best(_ year: Int, _ k: Int) -> Double? { isComplete(year) ? rows(of: year).map { $0.indices[k] }.max() : nil }
    public func meanDTI(_ year: Int) -> Double? {
        let r = rows(of: year)
        return r.isEmpty || !isComplete(year) ? nil : r.map(\.dti).reduce(0, +) / Double(r.count)
    }
    public func bestDTI(_ year: Int) -> Double? { isComplete(year) ? rows(of: year).map(\.dti).max() : nil }
}
