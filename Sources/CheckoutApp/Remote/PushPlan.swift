import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// One write request of a push, with what it does to the base once Dintero accepted it.
struct PushRequest {
    /// `PUT`, `POST` or `DELETE`.
    let method: String
    /// The path under the API base, e.g. `/admin/session/profiles/web`.
    let path: String
    /// Sends the request.
    let send: (any RemoteConnection) throws -> Void
    /// The base after Dintero accepted it.
    let moveBase: (inout MerchantAccount) -> Void

    /// `PUT /admin/checkout`, as shown in reports; a POST names the profile it creates.
    var description: String { "\(method) \(path)" + (createdProfile.map { " (\($0))" } ?? "") }
    /// The id of the profile a POST creates.
    var createdProfile: String? = nil
}

/// What `push` does for one account: the plan lines and the requests, in the safe order.
struct PushPlan {
    /// The plan lines (what differs between Dintero and the store).
    let changes: [Change]
    /// The requests that carry it out.
    let requests: [PushRequest]
    /// Profiles only Dintero has, left alone without `--prune`.
    let unprunedProfiles: [String]

    /// Plans turning `remote` into `local` (the store's view, without the tool's own settings).
    /// Order: the checkout configuration (removed methods still in it), new then changed profiles, deleted
    /// profiles (only with `prune`), and last the configuration without the removed methods, so a profile
    /// never names a method the account no longer has while it is being changed.
    init(remote snapshot: RemoteSnapshot, local: MerchantAccount, prune: Bool) {
        let all = ChangeSet.between(snapshot.account, local)
        let pruned = { (change: Change) in change.kind == .profile && change.action == .remove }
        changes = prune ? all : all.filter { !pruned($0) }
        unprunedProfiles = prune ? [] : all.filter(pruned).map(\.id)
        var requests: [PushRequest] = []
        let removesMethods = changes.contains { $0.kind == .method && $0.action == .remove }
        if changes.contains(where: { $0.kind == .settings || ($0.kind == .method && $0.action != .remove) }) {
            requests.append(PushPlan.checkout(snapshot, local, keepingRemoteMethods: removesMethods))
        }
        for action in [Change.Action.add, .change] {
            for change in changes where change.kind == .profile && change.action == action {
                guard let profile = local.profiles[change.id] else { continue }
                requests.append(PushPlan.profile(profile, creating: action == .add))
            }
        }
        for change in changes where pruned(change) {
            requests.append(PushPlan.deletion(change.id))
        }
        if removesMethods { requests.append(PushPlan.checkout(snapshot, local, keepingRemoteMethods: false)) }
        self.requests = requests
    }

    private static func checkout(_ snapshot: RemoteSnapshot, _ local: MerchantAccount, keepingRemoteMethods: Bool)
        -> PushRequest
    {
        let body = snapshot.checkoutBody(for: local, keepingRemoteMethods: keepingRemoteMethods)
        return PushRequest(
            method: "PUT", path: "/admin/checkout", send: { try $0.replaceCheckout(body) },
            moveBase: { base in
                base.settings = local.settings
                let kept = keepingRemoteMethods ? base.methods.filter { local.methods[$0.key] == nil } : [:]
                base.methods = local.methods.merging(kept) { ours, _ in ours }
            })
    }

    private static func profile(_ profile: PaymentProfile, creating: Bool) -> PushRequest {
        let body = ProfileDocument.json(profile)
        let id = profile.id
        return PushRequest(
            method: creating ? "POST" : "PUT",
            path: creating ? "/admin/session/profiles" : "/admin/session/profiles/\(id)",
            send: { creating ? try $0.createProfile(body) : try $0.replaceProfile(id, body) },
            moveBase: { $0.profiles[id] = profile }, createdProfile: creating ? id : nil)
    }

    private static func deletion(_ id: String) -> PushRequest {
        PushRequest(
            method: "DELETE", path: "/admin/session/profiles/\(id)", send: { try $0.deleteProfile(id) },
            moveBase: { $0.profiles[id] = nil })
    }
}
