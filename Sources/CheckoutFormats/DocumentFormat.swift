/// The version every JSON document of the tool's own carries as `format_version` (state documents, `--json`
/// output, plans); Dintero's bodies carry none. Bumped only with an incompatible change of those documents.
package enum DocumentFormat {
    /// The current version.
    package static let version = "1"
}
