import TrilateralModel

/// The glyphs that carry meaning next to colour, with their ASCII fallbacks.
public enum Glyphs {
    /// A commitment's status (the canvas draws ASCII stand-ins where it must).
    public static func status(_ status: Commitment.Status) -> Character {
        switch status {
        case .established: "■"
        case .launched: "▲"
        case .agreed: "●"
        case .discussed: "○"
        case .stalled: "✕"
        }
    }

    /// An event marker: selected, happened by the as-of date, or still expected.
    public static func event(happened: Bool, selected: Bool) -> Character {
        selected ? "◆" : (happened ? "●" : "○")
    }

    public static func role(for level: Outlook.Level) -> StyleRole {
        switch level {
        case .strong: .outlookStrong
        case .steady: .outlookSteady
        case .strained: .outlookStrained
        case .faltering: .outlookFaltering
        }
    }

    /// Each country's colour role: `us`, `jp`, `kr` and `cn` keep their own; every other
    /// country takes the next role no country has, in the order the briefing lists them (the
    /// eight roles go round again past eight countries; the country code is always written too).
    public static func countryRoles(_ countries: [Country]) -> [String: StyleRole] {
        let own: [String: StyleRole] = ["us": .countryUS, "jp": .countryJapan, "kr": .countryKorea, "cn": .countryChina]
        let all: [StyleRole] = [.countryUS, .countryJapan, .countryKorea, .countryChina, .countryOther1, .countryOther2, .countryOther3, .countryOther4]
        var roles: [String: StyleRole] = [:]
        for c in countries { if let role = own[c.id] { roles[c.id] = role } }
        var free = all.filter { role in !roles.values.contains(role) }
        for c in countries where roles[c.id] == nil {
            if free.isEmpty { free = all }
            roles[c.id] = free.removeFirst()
        }
        return roles
    }
}
