using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ThiDua.Web.Features.Admin;

/// <summary>One changed field of an audit entry, in words: "Trạng thái: Đang nhập → Đã gửi, chờ thẩm định".</summary>
public sealed record FieldChange(string Field, string Old, string New);

/// <summary>
/// Reads the before/after JSON of an audit entry (ThiDuaDbContext writes the entity's scalar properties, enums as
/// numbers, instants in UTC) as a person reads it: Vietnamese field names, statuses by name, dates in Vietnam time,
/// numbers with Vietnamese separators, a ratio as "45/60". The EF model says what type each field has, so an enum's
/// number becomes its name without a list per entity. Bookkeeping fields (version, search copies) are left out.
/// </summary>
public static class AuditChanges
{
    /// <summary>Fields that restate what the entry already says (who, when) or copy another field.</summary>
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal)
    {
        "Version", "SearchName", "SearchOrganization", "SelfRaw", "AppraisedRaw", "ConcurrencyStamp", "SecurityStamp",
        "NormalizedEmail", "NormalizedName", "NormalizedUserName", "UpdatedAt", "UpdatedBy",
    };

    /// <summary>Fields whose text is itself a JSON value (an indicator's value as the unit typed it).</summary>
    private static readonly HashSet<string> JsonValued = new(StringComparer.Ordinal) { "SelfValue", "AppraisedValue" };

    /// <param name="only">When given, only these fields, in this order.</param>
    /// <param name="describe">Says how to show a field's value when the caller knows better (the indicator of a value); null to fall back.</param>
    public static IReadOnlyList<FieldChange> Describe(IModel model, string entityType, string? before, string? after,
        IReadOnlyList<string>? only = null, Func<string, JsonElement, string?>? describe = null)
    {
        var old = Parse(before);
        var @new = Parse(after);
        var entity = model.GetEntityTypes().FirstOrDefault(t => t.ClrType.Name == entityType || t.ClrType.Name.Split('`')[0] == entityType.Split('`')[0]);
        var names = only ?? old.Keys.Union(@new.Keys).Where(k => !Bookkeeping.Contains(k)).ToList();
        var changes = new List<FieldChange>();
        foreach (var name in names)
        {
            var hadOld = old.TryGetValue(name, out var o);
            var hasNew = @new.TryGetValue(name, out var n);
            if (!hadOld && !hasNew)
            {
                continue;
            }
            var type = entity?.FindProperty(name)?.ClrType;
            string Show(JsonElement e) => Value(name, e, type, describe);
            var oldText = hadOld ? Show(o) : "";
            var newText = hasNew ? Show(n) : "";
            if (before is not null && after is not null && oldText == newText)
            {
                continue;
            }
            if ((before is null && newText.Length == 0) || (after is null && oldText.Length == 0))
            {
                continue; // an empty field of a new or deleted record says nothing
            }
            changes.Add(new FieldChange(DisplayNames.Field(name), oldText, newText));
        }
        return changes;
    }

    /// <summary>A value of a field for reading; empty for none.</summary>
    public static string Value(string field, JsonElement value, Type? clrType, Func<string, JsonElement, string?>? describe = null)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return "";
        }
        if (JsonValued.Contains(field) && value.ValueKind == JsonValueKind.String)
        {
            try
            {
                using var inner = JsonDocument.Parse(value.GetString()!);
                return describe?.Invoke(field, inner.RootElement) ?? Plain(inner.RootElement);
            }
            catch (JsonException)
            {
                return value.GetString()!;
            }
        }
        if (describe?.Invoke(field, value) is { } described)
        {
            return described;
        }
        if (value.ValueKind == JsonValueKind.String && (field.EndsWith("By", StringComparison.Ordinal) || field == "UserName"))
        {
            return DisplayNames.Person(value.GetString()); // "system" is the program itself
        }
        var type = clrType is null ? null : Nullable.GetUnderlyingType(clrType) ?? clrType;
        if (type is { IsEnum: true } && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return DisplayNames.Of((Enum)Enum.ToObject(type, number));
        }
        if (value.ValueKind == JsonValueKind.String && (type == typeof(DateTime) || type == typeof(DateTimeOffset)))
        {
            return DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? Display.DateTime(at.UtcDateTime) : value.GetString()!;
        }
        if (value.ValueKind == JsonValueKind.String && type == typeof(DateOnly))
        {
            return DateOnly.TryParse(value.GetString(), CultureInfo.InvariantCulture, out var day) ? Display.Date(day) : value.GetString()!;
        }
        if (value.ValueKind == JsonValueKind.String && field.EndsWith("Json", StringComparison.Ordinal))
        {
            return "(nội dung có cấu trúc, xem bản ghi gốc)";
        }
        if (value.ValueKind == JsonValueKind.Number && type is not null && (type == typeof(int) || type == typeof(long) || type == typeof(short)))
        {
            return value.GetRawText(); // numbers, years, codes: no thousands separator
        }
        return Plain(value);
    }

    /// <summary>A JSON value without knowing more: 1,5; Có; "45/60"; text as it is.</summary>
    public static string Plain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        JsonValueKind.True => "Có",
        JsonValueKind.False => "Không",
        JsonValueKind.Number => Display.Decimal(value.GetDouble()),
        JsonValueKind.String => Shorten(value.GetString()!),
        JsonValueKind.Object when value.TryGetProperty("numerator", out var top) && value.TryGetProperty("denominator", out var bottom)
            && top.ValueKind == JsonValueKind.Number && bottom.ValueKind == JsonValueKind.Number =>
            $"{Display.Decimal(top.GetDouble())}/{Display.Decimal(bottom.GetDouble())}",
        JsonValueKind.Array => string.Join("; ", value.EnumerateArray().Select(Plain)),
        _ => "(nội dung có cấu trúc, xem bản ghi gốc)",
    };

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..297] + "…";

    private static Dictionary<string, JsonElement> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
