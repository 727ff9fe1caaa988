import Foundation
import PackagePlugin

/// Gives the target it is applied to `BuildVersion.current`: the version from CHANGELOG.md's first release
/// heading and the git commit, written by `version.sh` beside this file.
///
/// A prebuild command, not a build command: SwiftPM runs it before every build, so a new commit is seen
/// even though no file SwiftPM knows about changed. The script rewrites its output only when the text
/// changes, so an unchanged version costs one `sh` and two `git` calls and recompiles nothing.
@main
struct VersionPlugin: BuildToolPlugin {
    /// The one prebuild command that writes `BuildVersion+Generated.swift` into the plugin's work folder.
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let package = context.package.directoryURL
        let generated = context.pluginWorkDirectoryURL.appending(path: "Generated")
        return [
            .prebuildCommand(
                displayName: "Reading the version from CHANGELOG.md and the commit from git",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [
                    package.appending(path: "Sources/VersionPlugin/version.sh").path(percentEncoded: false),
                    package.path(percentEncoded: false),
                    generated.appending(path: "BuildVersion+Generated.swift").path(percentEncoded: false),
                ],
                outputFilesDirectory: generated)
        ]
    }
}
