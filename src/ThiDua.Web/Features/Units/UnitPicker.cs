namespace ThiDua.Web.Features.Units;

/// <summary>
/// A choice of units on a page (<c>Shared/_UnitPicker.cshtml</c>): a <c>&lt;select multiple&gt;</c> of the units by
/// name, posting their codes as before, which <c>wwwroot/js/unit-picker.js</c> turns into a search (by name, with or
/// without diacritics) and a list of checkboxes. Without a script the plain list still works.
/// </summary>
public sealed record UnitPicker(string Id, string Name, string Label, IReadOnlyList<UnitChoice> Units, IReadOnlyCollection<string> Selected)
{
    /// <summary>The codes posted: one per chosen option, or typed by a program as before (separated by , ; or new lines).</summary>
    public static List<string> Codes(IEnumerable<string?>? posted) =>
        (posted ?? [])
            .SelectMany(p => (p ?? "").Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>The units valid on <paramref name="day"/>, or during <paramref name="until"/> when given, by name.</summary>
    public static async Task<IReadOnlyList<UnitChoice>> ValidAsync(UnitService units, DateOnly day, DateOnly? until = null)
    {
        var directory = await units.DirectoryAsync();
        var last = until ?? day;
        var valid = directory.Units.Where(u => u.Validity.From <= last && (u.Validity.To is null || u.Validity.To >= day)).ToList();
        // Over a year of reorganisation an old and a new unit may share a name: their periods tell them apart.
        var shared = valid.GroupBy(u => u.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        return valid
            .Select(u => new UnitChoice(u.Code, shared.Contains(u.Name) ? $"{u.Name} ({Display.Period(u.Validity.From, u.Validity.To)})" : u.Name))
            .OrderBy(u => u.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true))
            .ToList();
    }
}

public sealed record UnitChoice(string Code, string Name);
