/// Splits `total` into integer parts proportional to `weights`, summing exactly to `total`
/// (largest remainder; ties to the earlier index).
public func allocate(_ total: Int, weights: [Double]) -> [Int] {
    let sum = weights.reduce(0, +)
    guard sum > 0, total > 0 else { return Array(repeating: 0, count: weights.count) }
    let exact = weights.map { Double(total) * $0 / sum }
    var parts = exact.map { Int($0.rounded(.down)) }
    var rest = total - parts.reduce(0, +)
    let order = exact.indices.sorted { (exact[$0] - Double(parts[$0]), -$0) > (exact[$1] - Double(parts[$1]), -$1) }
    var k = 0
    while rest > 0 { parts[order[k % order.count]] += 1; rest -= 1; k += 1 }
    return parts
}
