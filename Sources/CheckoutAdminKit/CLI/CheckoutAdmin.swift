#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The entry point: argv and streams in, exit status out. Nothing below this calls `exit`.
public enum CheckoutAdmin {
    /// The version printed by `--version`.
    public static let version = "0.1.0"

    /// Runs with the process's own argv, environment and standard streams; returns the exit status.
    public static func runProcess() -> Int32 {
        let arguments = (1..<Int(CommandLine.argc)).map { index in
            CommandLine.unsafeArgv[index].map { Array(UnsafeBufferPointer(start: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), count: strlen($0))) } ?? []
        }
        Signals.install()
        let output = FileDescriptorOutput(descriptor: 1), errors = FileDescriptorOutput(descriptor: 2)
        let status = run(rawArguments: arguments, environment: processEnvironment(),
                         streams: Streams(output: output, errors: errors, input: StandardInput()))
        output.flush()
        errors.flush()
        return status
    }

    /// Runs one command line given as raw bytes (arguments must be UTF-8 without NUL).
    static func run(rawArguments: [[UInt8]], environment: [String: String], streams: Streams) -> Int32 {
        var words: [String] = []
        for (index, bytes) in rawArguments.enumerated() {
            guard !bytes.contains(0), let word = String(validating: bytes, as: UTF8.self) else {
                let error = UsageError(message: "argument \(index + 1) is not valid UTF-8 text", hints: ["arguments must be UTF-8 without NUL bytes"])
                return report(error, json: rawArguments.contains(Array("--json".utf8)), streams: streams, environment: environment)
            }
            words.append(word)
        }
        return run(arguments: words, environment: environment, streams: streams)
    }

    /// Runs one command line.
    static func run(arguments: [String], environment: [String: String], streams: Streams) -> Int32 {
        let wantsJSON = arguments.prefix { $0 != "--" }.contains("--json")
        do {
            let parsed = try CommandLineParser(registry: Commands.registry).parse(arguments)
            return try execute(parsed, arguments: arguments, environment: environment, streams: streams)
        } catch {
            return report(error, json: wantsJSON, streams: streams, environment: environment)
        }
    }

    private static func execute(_ parsed: ParsedCommandLine, arguments: [String], environment: [String: String], streams: Streams) throws -> Int32 {
        switch parsed {
        case let .version(options):
            _ = try GlobalOptions(parsed: options, environment: environment)
            streams.output.write("checkout-admin \(version)\n")
            return 0
        case let .help(path, _):
            guard let text = HelpRenderer(registry: Commands.registry).help(for: path) else {
                throw UsageError(message: "no help for '\(path.joined(separator: " "))'", hints: ["see 'checkout-admin --help'"])
            }
            streams.output.write(text)
            return 0
        case let .run(command, parsedArguments):
            let options = try GlobalOptions(parsed: parsedArguments, environment: environment)
            let context = CommandContext(arguments: parsedArguments, options: options, streams: streams, environment: environment,
                                         commandLine: (["checkout-admin"] + arguments).map(shellQuoted).joined(separator: " "))
            return try command.run(context)
        }
    }

    private static func report(_ error: any Error, json: Bool, streams: Streams, environment: [String: String]) -> Int32 {
        let report = ErrorReport(error)
        if json {
            streams.errors.write(report.json.compactText() + "\n")
        } else {
            let colour = streams.errors.isTerminal && environment.nonEmpty("NO_COLOR") == nil && environment["TERM"] != "dumb"
            streams.errors.write(report.text(style: Style(enabled: colour)))
        }
        return report.exitCode
    }

    private static func processEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}
