import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// Where a document streamed piece by piece goes: stdout, or the temporary file of `--output FILE`.
final class DocumentSink {
    private let output: TextOutput
    private let file: StagedFileWriter?
    /// Bytes written so far.
    private(set) var bytes: Int64 = 0

    fileprivate init(output: TextOutput, file: StagedFileWriter?) {
        self.output = output
        self.file = file
    }

    /// Appends text to the document.
    func write(_ text: String) throws {
        bytes += Int64(text.utf8.count)
        guard let file else { return output.write(text) }
        try file.write(text)
    }
}

extension CommandContext {
    /// Writes a document as `body` produces it: to stdout, or with `--output FILE` to a temporary file beside FILE
    /// that replaces FILE only once `body` has returned, so memory stays flat and a failure (a refused account, a
    /// full disk) leaves FILE as it was. On stdout what was written before a failure stays written: the exit
    /// status reports the failure. Written to a file, `--json` prints the result document (`reportWritten`) with
    /// the fields `result` gives once the document is complete.
    func streamDocument(
        result: () -> [String: JSONValue] = { [:] }, _ body: (DocumentSink) throws -> Void
    ) throws {
        guard let path = arguments[SharedOptions.output] else {
            return try body(DocumentSink(output: streams.output, file: nil))
        }
        let file: StagedFileWriter
        do {
            guard case .file(let target) = try outputDestination(path, protecting: options.storePath) else {
                return try body(DocumentSink(output: streams.output, file: nil))
            }
            file = try StagedFileWriter(for: target)
        } catch let error as FileError {
            throw OutputFailure.writing(error, naming: "'\(path)'")
        }
        let sink = DocumentSink(output: streams.output, file: file)
        do {
            try body(sink)
            try file.commit()
        } catch let error as FileError {
            file.discard()
            throw OutputFailure.writing(error, naming: "'\(path)'")
        } catch {
            file.discard()
            throw error
        }
        inform("wrote '\(path)'")
        reportWritten(path, bytes: sink.bytes, result: result())
    }
}
