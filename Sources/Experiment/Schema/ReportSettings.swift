/// The `report` section: which cell each comparison of a report is made against.
///
/// Every axis of the sweep (a grid key, or the keys of one zip group) has a reference
/// position. A report compares each cell with the cell that equals it on every other axis and
/// sits at the reference position of this one. The reference is, per key, the value given in
/// `report.compare_against`, else the one given in `report.reference_cell`, else the axis's
/// first value.
public struct ReportSettings: Sendable, Equatable {
    /// One axis of the sweep and its reference position.
    public struct ComparisonAxis: Sendable, Equatable {
        /// The keys varied together: one for a grid key, several for a zip group.
        public var keys: [String]
        /// The reference values of those keys, as they appear in cell labels.
        public var reference: [String]
        /// `report.names`: a short name per position of the axis (a grid value, a zip row),
        /// which stands for it in cell labels; nil when the axis has none.
        public var names: [String]?

        public init(keys: [String], reference: [String], names: [String]? = nil) {
            self.keys = keys
            self.reference = reference
            self.names = names
        }

        /// The axis's name in tables: its keys joined by `+`.
        public var name: String { keys.joined(separator: "+") }
    }

    /// The sweep's axes in plan order, each with its reference.
    public var axes: [ComparisonAxis]
    /// `report.normalize`: per environment id, the [low, high] final returns mapped to 0 and 1.
    public var normalize: [String: [Double]]

    public init(axes: [ComparisonAxis] = [], normalize: [String: [Double]] = [:]) {
        self.axes = axes
        self.normalize = normalize
    }
}
