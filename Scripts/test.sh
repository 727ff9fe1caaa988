#!/usr/bin/env bash
# The test command: formatting checked, one build of everything (compiler warnings are errors, by flag), every
# Swift test, then the Python tests of the schema fixtures and the Dintero emulator.
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/lib/swift-build.sh
Scripts/ensure-deps.sh
swift format lint --strict --recursive --parallel Sources Tests Package.swift
swift_build --build-tests
swift test --skip-build --disable-swift-testing
Tests/CheckoutAdminTests/Support/run_python_tests.sh
