import Foundation
import Testing

@testable import RunnerCLI

/// `ELFDependencies`: the shared libraries an executable asks the dynamic loader for, which
/// decides whether a runner can be staged for nodes without a Swift toolchain.
@Suite struct ELFDependenciesTests {
    /// `make static`'s runner, when it has been built.
    static let staticRunner = BinaryRunner.repositoryRoot.appendingPathComponent(StagedRunner.builtPath)

    @Test func theDebugRunnerNeedsTheSwiftRuntime() throws {
        let needed = try #require(try ELFDependencies.needed(BinaryRunner.executable))
        #expect(needed.contains("libswiftCore.so"), "\(needed)")
        #expect(needed.contains("libc.so.6"), "\(needed)")
        #expect(try StagedRunner.linksRuntimeDynamically(BinaryRunner.executable))
    }

    /// Its own messages name libswiftCore.so, so only the dynamic section can tell.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: staticRunner.path), "make static has not run"))
    func theStaticRunnerNeedsNoSwiftLibrary() throws {
        let needed = try #require(try ELFDependencies.needed(Self.staticRunner))
        #expect(!needed.contains { $0.hasPrefix("libswift") || $0.hasPrefix("libFoundation") || $0.hasPrefix("libdispatch") }, "\(needed)")
        #expect(needed.contains("libc.so.6") && needed.contains("libyaml-0.so.2"), "\(needed)")
        #expect(try !StagedRunner.linksRuntimeDynamically(Self.staticRunner))
    }

    @Test func anythingButA64BitELFFileIsNotRead() throws {
        #expect(ELFDependencies.needed(in: Data("#!/bin/sh\necho\n".utf8)) == nil)
        #expect(ELFDependencies.needed(in: Data()) == nil)
        // A real header whose tables lie past the end of the bytes.
        let head = try Data(contentsOf: BinaryRunner.executable).prefix(200)
        #expect(ELFDependencies.needed(in: head) == nil)
    }
}
