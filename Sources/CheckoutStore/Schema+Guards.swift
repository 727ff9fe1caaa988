extension Schema {
    /// What plain DML could still get past version 1's rules, closed in the store itself (part of schema step 2):
    /// a payment type stored as a BLOB (LIKE never matches a BLOB, and the tool reads it back as text), a type
    /// without a dot whose options carry a `clicktopay` product, a `clicktopay` key written with a JSON escape in
    /// pass-through configuration (SQLite's path lookup compares raw key text, `json_each` decodes it, as the
    /// tool's parser does), and REPLACE INTO history, which deletes the row it replaces without firing the
    /// delete trigger. Edits made with triggers switched off cannot be prevented in a file its owner controls;
    /// `store check` finds them.
    static let guardsOfVersion2 = """
        \(typeShapeTrigger(table: "payment_method", column: "type", event: "INSERT"))
        \(typeShapeTrigger(table: "payment_method", column: "type", event: "UPDATE"))
        \(typeShapeTrigger(table: "profile_method", column: "type", event: "INSERT"))
        \(typeShapeTrigger(table: "profile_method", column: "type", event: "UPDATE"))
        \(typeShapeTrigger(table: "profile", column: "default_payment_type", event: "INSERT"))
        \(typeShapeTrigger(table: "profile", column: "default_payment_type", event: "UPDATE"))
        \(decodedKeyTrigger(event: "INSERT"))
        \(decodedKeyTrigger(event: "UPDATE"))
        CREATE TRIGGER history_is_append_only_on_insert BEFORE INSERT ON history
        WHEN NEW.seq > 0 AND NEW.seq <= coalesce((SELECT max(seq) FROM history), 0)
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
        """

    /// The refusal text of a payment type that is not text of the form `gateway.product` (or `vipps`).
    package static let typeShapeMessage = "a payment type is text: gateway.product, or vipps"

    private static func typeShapeTrigger(table: String, column: String, event: String) -> String {
        """
        CREATE TRIGGER \(table)_\(column)_shape_on_\(event.lowercased()) BEFORE \(event) ON \(table)
        WHEN NEW.\(column) IS NOT NULL AND (typeof(NEW.\(column)) <> 'text'
            OR (instr(NEW.\(column), '.') = 0 AND NEW.\(column) <> 'vipps'))
        BEGIN SELECT RAISE(ABORT, '\(typeShapeMessage)'); END;
        """
    }

    private static func decodedKeyTrigger(event: String) -> String {
        """
        CREATE TRIGGER profile_hidden_click_to_pay_on_\(event.lowercased()) BEFORE \(event) ON profile
        WHEN EXISTS (SELECT 1 FROM json_each(NEW.extra_configuration) AS gateway, json_each(gateway.value) AS product
                     WHERE gateway.type = 'object' AND product.key = 'clicktopay')
        BEGIN SELECT RAISE(ABORT, '\(providerRuleMessage)'); END;
        """
    }
}
