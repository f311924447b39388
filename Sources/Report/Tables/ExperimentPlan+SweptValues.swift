import Experiment

extension ExperimentPlan {
    /// The values `cell` gives the swept keys, one per key in `sweptKeys` order (empty for
    /// a key the cell does not set): the value columns of plans, tables and summaries.
    package func sweptValues(of cell: Cell) -> [String] {
        sweptKeys.map { key in cell.values.first { $0.key == key }?.value ?? "" }
    }
}
