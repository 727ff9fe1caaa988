/// "did you mean …?" for commands, options, setting keys, payment types and ids (edit distance ≤ 2).
package enum Suggestion {
    /// The candidate closest to `word` within distance 2, ties broken alphabetically; nil when none is close.
    package static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(word.unicodeScalars)
        var best: (distance: Int, candidate: String)?
        for candidate in candidates where candidate != word {
            let distance = editDistance(target, Array(candidate.unicodeScalars), limit: 2)
            guard distance <= 2 else { continue }
            if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.candidate) {
                best = (distance, candidate)
            }
        }
        return best?.candidate
    }

    /// The hint line for `closest`, or none.
    package static func hints(
        for word: String, among candidates: some Sequence<String>, format: (String) -> String = { "'\($0)'" }
    ) -> [String] {
        closest(to: word, among: candidates).map { ["did you mean \(format($0))?"] } ?? []
    }

    /// Levenshtein distance, giving up (returning limit + 1) once every path exceeds `limit`.
    package static func editDistance(_ lhs: [Unicode.Scalar], _ rhs: [Unicode.Scalar], limit: Int) -> Int {
        if abs(lhs.count - rhs.count) > limit { return limit + 1 }
        var previous = Array(0...rhs.count)
        for (i, left) in lhs.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: rhs.count)
            for (j, right) in rhs.enumerated() {
                current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
            }
            if current.min()! > limit { return limit + 1 }
            previous = current
        }
        return previous[rhs.count]
    }
}
