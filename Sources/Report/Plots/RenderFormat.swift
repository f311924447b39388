/// The image format gnuplot renders plots to (`runner report --render png|svg`).
package enum RenderFormat: String, Sendable, CaseIterable {
    /// PNG through the `pngcairo` terminal (`png` when cairo is absent).
    case png
    /// SVG through the `svg` terminal.
    case svg
}
