import Foundation
import Report
import TestSupport
import Testing

/// `GnuplotRenderer.render(script:format:)` with stand-ins for gnuplot and with the real one,
/// called from a thread of its own as the runner calls it.
struct GnuplotRendererTests {
    /// An executable shell script `name` in `folder` running `body`.
    static func fake(_ body: String, in folder: TemporaryFolder) throws -> GnuplotRenderer {
        folder.write("bin/gnuplot", "#!/bin/sh\n" + body + "\n")
        let url = folder.url.appendingPathComponent("bin/gnuplot")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return GnuplotRenderer(executable: url)
    }

    /// The stand-in writes the file named in `outfile = '...'` (in the script's folder, where
    /// it runs) and exits 0: the image appears under its final name, no temporary is left.
    @Test func anImageIsRenamedIntoPlaceInTheScriptsFolder() async throws {
        let folder = TemporaryFolder()
        folder.write("plots/curves.gp", "plot x\n")
        let renderer = try Self.fake(
            #"out=$(printf '%s' "$2" | sed "s/.*outfile = '\([^']*\)'.*/\1/"); printf 'image of %s' "$3" > "$out""#, in: folder)
        let script = folder.url.appendingPathComponent("plots/curves.gp")
        let image = try await onOwnThread { try renderer.render(script: script, format: .svg) }
        #expect(image == folder.url.appendingPathComponent("plots/curves.svg"))
        #expect(folder.read("plots/curves.svg") == "image of curves.gp")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("plots").path).sorted()
            == ["curves.gp", "curves.svg"])
    }

    /// gnuplot's complaint on standard error becomes the error's message; an earlier image
    /// stays as it was.
    @Test func aFailureCarriesGnuplotsMessageAndStatus() async throws {
        let folder = TemporaryFolder()
        folder.write("plots/curves.gp", "plot x\n")
        folder.write("plots/curves.png", "earlier")
        let renderer = try Self.fake("echo 'chatter on stdout'; echo '\"curves.gp\" line 1: unknown terminal' >&2; exit 3", in: folder)
        let script = folder.url.appendingPathComponent("plots/curves.gp")
        let error = try await #require(throws: RenderError.self) {
            try await onOwnThread { try renderer.render(script: script, format: .png) }
        }
        #expect(error == RenderError(script: "curves.gp", status: 3, message: "\"curves.gp\" line 1: unknown terminal"))
        #expect(folder.read("plots/curves.png") == "earlier")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("plots").path).count == 2)
    }

    /// gnuplot killed by a signal: a failure with a shell's status (128 + 9), not a crash.
    @Test func aKilledGnuplotIsAFailure() async throws {
        let folder = TemporaryFolder()
        folder.write("plots/curves.gp", "plot x\n")
        let renderer = try Self.fake("echo dying >&2; kill -KILL $$", in: folder)
        let script = folder.url.appendingPathComponent("plots/curves.gp")
        let error = try await #require(throws: RenderError.self) {
            try await onOwnThread { try renderer.render(script: script, format: .png) }
        }
        #expect(error.status == 137 && error.message == "dying")
    }

    /// The real gnuplot's own words for a script it refuses.
    @Test(.enabled(if: gnuplot != nil, gnuplotMissing))
    func theRealGnuplotsMessageIsKept() async throws {
        let folder = TemporaryFolder()
        folder.write("plots/bad.gp", "set terminal no_such_terminal\n")
        let script = folder.url.appendingPathComponent("plots/bad.gp")
        let error = try await #require(throws: RenderError.self) {
            try await onOwnThread { try gnuplot!.render(script: script, format: .png) }
        }
        #expect(error.status != 0)
        #expect(error.message.contains("unknown or ambiguous terminal type"), "\(error)")
        #expect(!folder.exists("plots/bad.png"))
    }
}
