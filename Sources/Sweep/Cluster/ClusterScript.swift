/// One batch script of a submission: its file name in the engine's folder and its text.
package struct ClusterScript: Sendable, Equatable {
    package var name: String
    package var text: String
}
