/// Whether `value` is within the larger of `absolute` and `relative` × |`expected`| of `expected`.
///
/// Every caller names its tolerances, so each assertion says how close it asks for. NaN and
/// infinite differences are never close.
public func isClose(_ value: Double, _ expected: Double, relative: Double = 0, absolute: Double = 0) -> Bool {
    abs(value - expected) <= max(absolute, relative * abs(expected))
}
