import Foundation

/// Emulator state documents for the remote tests: accounts whose bodies the schema fixtures accept.
enum EmulatorState {
    /// The time every fixture document carries.
    static let stamp = "2026-01-01T00:00:00.000Z"

    /// One account with `profiles` extra profiles (`p001`, `p002`, …) besides `default`, and `deleted` soft-deleted.
    static func merchant(
        _ account: String = "T12345678", profiles: Int = 1, deleted: [String] = [], clientID: String = "test-client",
        clientSecret: String = "test-secret"
    ) -> [String: Any] {
        var stored: [String: Any] = ["default": profile("default")]
        for index in 0..<profiles {
            let id = String(format: "p%03d", index + 1)
            stored[id] = profile(id)
        }
        for id in deleted {
            var gone = profile(id)
            gone["deleted_at"] = stamp
            gone["deleted_by"] = "backoffice"
            stored[id] = gone
        }
        return [
            "client_id": clientID, "client_secret": clientSecret,
            "checkout": [
                "configuration": [
                    "merchant": ["name": "Example AS", "logo_url": "https://example.com/logo.png"],
                    "payment_options": [
                        ["type": "dintero_psp.creditcard", "currencies": ["NOK"], "details": ["sca_policy": "always"]],
                        ["type": "vipps", "currencies": ["NOK"]],
                        ["type": "swish.swish", "currencies": ["SEK"]],
                    ],
                    "payout": ["payment_products": [["payment_product": "dintero_psp"]]],
                ],
                "created_by": "backoffice", "updated_at": stamp,
            ],
            "profiles": stored,
        ]
    }

    /// A live profile as GET returns it, offering dintero_psp cards and Vipps.
    static func profile(_ id: String) -> [String: Any] {
        [
            "id": UUID().uuidString, "created_at": stamp, "created_by": "backoffice", "updated_at": stamp,
            "deleted_at": NSNull(), "deleted_by": NSNull(), "profile_id": id, "description": "profile \(id)",
            "configuration": [
                "dintero_psp": ["creditcard": ["enabled": true, "generate_payment_token": false]],
                "vipps": ["enabled": true],
            ],
        ]
    }

    /// A state document with these accounts.
    static func document(_ accounts: [String: [String: Any]]) -> [String: Any] {
        ["accounts": accounts]
    }
}
