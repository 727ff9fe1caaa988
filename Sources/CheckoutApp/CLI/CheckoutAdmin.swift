import CheckoutDomain
import CheckoutFormats
import CheckoutStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The entry point: argv and streams in, exit status out. Nothing below this calls `exit`.
package enum CheckoutAdmin {
    /// Runs with the process's own argv, environment and standard streams; returns the exit status.
    /// `remote` says how `pull`, `diff` and `push` reach Dintero: `checkout-admin` hands them to its helper.
    package static func runProcess(remote: RemoteAccess = .helper) -> Int32 {
        let arguments = (1..<Int(CommandLine.argc)).map { index in
            CommandLine.unsafeArgv[index].map {
                Array(
                    UnsafeBufferPointer(
                        start: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), count: strlen($0)))
            } ?? []
        }
        Signals.install()
        signal(SIGPIPE, SIG_IGN)
        let output = FileDescriptorOutput(descriptor: 1)
        let errors = FileDescriptorOutput(descriptor: 2)
        let status = run(
            rawArguments: arguments, environment: processEnvironment(),
            streams: Streams(output: output, errors: errors, input: StandardInput()), remote: remote)
        _ = output.finish()
        _ = errors.finish()
        return status
    }

    /// Runs one command line given as raw bytes (arguments must be UTF-8 without NUL).
    static func run(
        rawArguments: [[UInt8]], environment: [String: String], streams: Streams, remote: RemoteAccess = .unavailable
    ) -> Int32 {
        var words: [String] = []
        for (index, bytes) in rawArguments.enumerated() {
            guard let word = String(validating: bytes, as: UTF8.self), !bytes.contains(0) else {
                let problem = bytes.contains(0) ? "contains a NUL byte" : "is not valid UTF-8 text"
                let error = UsageError(
                    message: "argument \(index + 1) \(problem)", hints: ["arguments must be UTF-8 without NUL bytes"])
                let readable = rawArguments.map { String(decoding: $0, as: UTF8.self) }
                return report(error, ErrorPreferences(scanning: readable), streams: streams, environment: environment)
            }
            words.append(word)
        }
        return run(arguments: words, environment: environment, streams: streams, remote: remote)
    }

    /// Runs one command line.
    static func run(
        arguments: [String], environment: [String: String], streams: Streams, remote: RemoteAccess = .unavailable
    ) -> Int32 {
        // Until the line parses, the words are the best guess at --json and --no-color; after, the parse decides.
        var preferences = ErrorPreferences(scanning: arguments)
        if arguments.first == Completer.hiddenCommand {
            let words = Array(arguments.dropFirst())
            let candidates = Completer(registry: Commands.registry, environment: environment).candidates(
                for: words.isEmpty ? [""] : words)
            streams.output.write(candidates.map { $0 + "\n" }.joined())
            return 0
        }
        do {
            let parsed = try CommandLineParser(registry: Commands.registry).parse(arguments)
            preferences = ErrorPreferences(parsed: parsed.arguments)
            let status = try execute(
                parsed, arguments: arguments, environment: environment, streams: streams, remote: remote)
            return finishOutput(status, preferences, streams: streams, environment: environment)
        } catch {
            return report(error, preferences, streams: streams, environment: environment)
        }
    }

    private static func execute(
        _ parsed: ParsedCommandLine, arguments: [String], environment: [String: String], streams: Streams,
        remote: RemoteAccess
    ) throws -> Int32 {
        switch parsed {
        case .version(let options):
            _ = try GlobalOptions(parsed: options, environment: environment)
            if options[GlobalOptions.json] {
                var document = BuildVersion.current.fields
                document["format_version"] = .string(DocumentFormat.version)
                streams.output.write(JSONValue.object(document).prettyText() + "\n")
            } else {
                streams.output.write(BuildVersion.current.text)
            }
            return 0
        case .help(let path, let parsed):
            if parsed[ManPage.option] && path.isEmpty {
                streams.output.write(ManPage(registry: Commands.registry).render())
                return 0
            }
            guard let text = HelpRenderer(registry: Commands.registry).help(for: path) else {
                throw UsageError(
                    message: "no help for '\(path.joined(separator: " "))'", hints: ["see 'checkout-admin --help'"])
            }
            streams.output.write(text)
            return 0
        case .run(let command, let parsedArguments):
            let options = try GlobalOptions(parsed: parsedArguments, environment: environment)
            let context = CommandContext(
                arguments: parsedArguments, options: options, streams: streams, environment: environment,
                commandLine: (["checkout-admin"] + arguments).map(shellQuoted).joined(separator: " "), remote: remote)
            return try command.run(context)
        }
    }

    /// The exit status once stdout is written out. Requested output that could not be written is a failure (exit
    /// 5) — unless the run committed a change: then the status reports the commit, and stderr says what was lost.
    private static func finishOutput(
        _ status: Int32, _ preferences: ErrorPreferences, streams: Streams, environment: [String: String]
    ) -> Int32 {
        guard let reason = streams.output.finish() else { return status }
        if streams.record.committed || status != 0 {
            streams.errors.write("warning: standard output was not written (\(reason)); the change was committed\n")
            return status
        }
        return report(OutputFailure(stdoutReason: reason), preferences, streams: streams, environment: environment)
    }

    private static func report(
        _ error: any Error, _ preferences: ErrorPreferences, streams: Streams, environment: [String: String]
    ) -> Int32 {
        let report = ErrorReport(error)
        if preferences.json {
            streams.errors.write(report.json.compactText() + "\n")
        } else {
            let colour =
                preferences.colorAllowed && streams.errors.isTerminal && environment.nonEmpty("NO_COLOR") == nil
                && environment["TERM"] != "dumb"
            streams.errors.write(report.text(style: Style(enabled: colour)))
        }
        return report.exitCode
    }

    /// The variables the tool reads (looked up one by one: copying the whole environment costs start-up time).
    static let environmentVariables = [
        "CHECKOUT_ADMIN_STORE", "CHECKOUT_ADMIN_ACTOR", "CHECKOUT_ADMIN_LOCK_TIMEOUT", "NO_COLOR",
        "CI", "XDG_DATA_HOME", "HOME", "USER", "LOGNAME", "TERM",
        // pull, diff and push (read in the helper; the secret never leaves the connector's requests).
        "CHECKOUT_ADMIN_API_URL", "CHECKOUT_ADMIN_AUTH_URL", "CHECKOUT_ADMIN_CLIENT_ID", "CHECKOUT_ADMIN_CLIENT_SECRET",
        "CHECKOUT_ADMIN_CREDENTIALS", "CHECKOUT_ADMIN_HTTP_TIMEOUT", "XDG_CONFIG_HOME",
    ]

    private static func processEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        for name in environmentVariables {
            if let value = getenv(name) { result[name] = String(cString: value) }
        }
        return result
    }
}

/// How an error is written: as JSON or text, with or without colour (`--json`, `--no-color`).
private struct ErrorPreferences {
    /// One JSON object on stderr instead of text.
    let json: Bool
    /// Colour allowed, if stderr is a terminal and the environment does not forbid it.
    let colorAllowed: Bool

    /// From a line that did not parse: the option words before `--`, the last of `--json`/`--no-json` winning.
    init(scanning words: [String]) {
        let options = words.prefix { $0 != "--" }
        json = (options.lastIndex(of: "--json") ?? -1) > (options.lastIndex(of: "--no-json") ?? -1)
        colorAllowed = !options.contains("--no-color")
    }

    /// From a parsed line.
    init(parsed: ParsedArguments) {
        json = parsed[GlobalOptions.json]
        colorAllowed = !parsed[GlobalOptions.noColor]
    }
}
