# Sourced by the scripts CI runs. swift_build ARGS… runs `swift build ARGS…`, and runs it once more when
# SwiftPM itself died of a signal rather than failing a build.
#
# Why: SwiftPM on Linux can crash with SIGSEGV in libdispatch (_dispatch_event_loop_drain) while it reads the
# messages of a build-tool plugin, here Sources/VersionPlugin, which runs on every build. It is an upstream
# bug in Foundation's FileHandle.readabilityHandler on Linux (swiftlang/swift-corelibs-foundation#3276), seen
# here once in about 150 builds; a new process does not hit it again. A compile error (exit 1) is not retried.
swift_build() {
  local status=0
  swift build "$@" || status=$?
  if [ "$status" -gt 128 ]; then
    echo "swift build died of signal $((status - 128)) (SwiftPM's plugin runner, see Scripts/lib/swift-build.sh); running it once more" >&2
    status=0
    swift build "$@" || status=$?
  fi
  return "$status"
}
