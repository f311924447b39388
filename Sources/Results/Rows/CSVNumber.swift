/// A number as written in CSV files: Swift's shortest round-trip form (the same on every
/// machine), `inf`/`-inf` for infinities, and an empty field for NaN (not available).
package func csvNumber(_ x: Double) -> String {
    if x.isNaN { return "" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    return x.description
}
