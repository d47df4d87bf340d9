using ThiDua.Core.Errors;
using ThiDua.Core.Units;

namespace ThiDua.Core.Rewards;

/// <summary>A person proposed for an award, as the dossier names them.</summary>
public sealed record NomineePerson(string FullName, string? Position, string? Organization, DateOnly? DateOfBirth, string? Gender);

/// <summary>
/// What a nomination must be before it can go anywhere (R10–R12): a unit nominee is a body of the province and an
/// enterprise nominee an enterprise; a person has a name, a plausible birth date and a gender the form knows; the
/// Chairman's certificate and state awards carry the three documents of section IV.4; the Reward Board handles
/// those, never a unit's own certificate.
/// </summary>
public static class NominationRules
{
    /// <summary>Collectives and enterprises are units of the register; individuals and others are people.</summary>
    public static bool IsUnitNominee(NomineeKind kind) => kind is NomineeKind.Unit or NomineeKind.Enterprise;

    /// <summary>An enterprise must be one; a collective must be a body of the province other than the province itself.</summary>
    public static void EnsureNomineeFits(NomineeKind kind, UnitType type, string unitName)
    {
        if (kind == NomineeKind.Enterprise && type != UnitType.Enterprise)
        {
            throw DomainException.ForField("unitCode", $"{unitName} không phải doanh nghiệp.");
        }
        if (kind == NomineeKind.Unit && type is UnitType.Enterprise or UnitType.Province)
        {
            throw DomainException.ForField("unitCode", $"{unitName} không phải cơ quan, đơn vị, địa phương.");
        }
    }

    /// <summary>A person's dossier: a name, a birth date after 1900 and not in the future, "nam" or "nữ" when given. Returns the person cleaned.</summary>
    public static NomineePerson CheckPerson(NomineePerson person, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(person.FullName))
        {
            throw DomainException.ForField("person.fullName", "Cần họ và tên.");
        }
        if (person.DateOfBirth is { } born && (born.Year < 1900 || born > today))
        {
            throw DomainException.ForField("person.dateOfBirth", "Ngày sinh không hợp lệ.");
        }
        string? gender = null;
        if (person.Gender is { Length: > 0 } given)
        {
            gender = Gender(given) ?? throw DomainException.ForField("person.gender", "Giới tính là \"nam\" hoặc \"nữ\".");
        }
        return new NomineePerson(
            person.FullName.Trim().Normalize(System.Text.NormalizationForm.FormC),
            Blank(person.Position), Blank(person.Organization), person.DateOfBirth, gender);
    }

    /// <summary>"nam"/"male" → "nam", "nữ"/"nu"/"female" → "nữ"; anything else is not a gender the form knows.</summary>
    public static string? Gender(string text) => text.Trim().Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant() switch
    {
        "nam" or "male" => "nam",
        "nữ" or "nu" or "female" => "nữ",
        _ => null,
    };

    /// <summary>"Nguyễn Văn Bình, Phó Giám đốc, Sở Y tế" for a person; the unit's name for a collective or an enterprise.</summary>
    public static string NomineeName(NomineeKind kind, string? unitName, string? fullName, string? position, string? organization) =>
        IsUnitNominee(kind)
            ? unitName ?? ""
            : string.Join(", ", new[] { fullName, position, organization }.Where(s => !string.IsNullOrWhiteSpace(s)));

    /// <summary>A chairman's or state award needs the three documents of section IV.4; the unit's own award none.</summary>
    public static IReadOnlyList<DocumentKind> RequiredDocuments(AwardLevel award) =>
        award == AwardLevel.UnitCertificate ? [] : [DocumentKind.Proposal, DocumentKind.Minutes, DocumentKind.AchievementReport];

    public static IReadOnlyList<DocumentKind> MissingDocuments(AwardLevel award, IEnumerable<DocumentKind> present) =>
        MissingDocuments(RequiredDocuments(award), present);

    public static IReadOnlyList<DocumentKind> MissingDocuments(IReadOnlyList<DocumentKind> required, IEnumerable<DocumentKind> present)
    {
        var have = present.ToHashSet();
        return required.Where(k => !have.Contains(k)).ToList();
    }

    /// <summary>The unit submits only a complete dossier: 400 naming every missing document.</summary>
    public static void EnsureComplete(AwardLevel award, IEnumerable<DocumentKind> present) => EnsureComplete(RequiredDocuments(award), present);

    /// <summary>The unit submits only a dossier with the documents its award's rule set requires: 400 naming every missing one.</summary>
    public static void EnsureComplete(IReadOnlyList<DocumentKind> required, IEnumerable<DocumentKind> present)
    {
        var missing = MissingDocuments(required, present);
        if (missing.Count > 0)
        {
            throw new DomainException($"Hồ sơ còn thiếu: {string.Join("; ", missing.Select(k => k.VietnameseName()))}.",
                new Dictionary<string, string[]> { ["documents"] = missing.Select(k => k.Code()).ToArray() });
        }
    }

    /// <summary>A unit's own certificate is decided by the unit (section IV.3): the Reward Board neither receives, returns nor rejects it.</summary>
    public static void EnsureBoardHandles(AwardLevel award)
    {
        if (award == AwardLevel.UnitCertificate)
        {
            throw DomainException.ForField("award", "Giấy khen do đơn vị tự xét, quyết định theo thẩm quyền; Ban Thi đua – Khen thưởng không tiếp nhận.");
        }
    }

    /// <summary>The unit edits its dossier while it is a draft or returned to it; after that it belongs to the route.</summary>
    public static void EnsureUnitCanEdit(NominationStatus status, string what = "sửa")
    {
        if (!NominationWorkflow.UnitCanEdit(status))
        {
            throw new ConflictException(what == "sửa"
                ? "Hồ sơ đã trình; chỉ sửa được khi đang soạn hoặc bị trả lại."
                : $"Hồ sơ đã trình; chỉ {what} được khi đang soạn hoặc bị trả lại.");
        }
    }

    /// <summary>A finished dossier's checklist no longer changes.</summary>
    public static void EnsureCriteriaOpen(NominationStatus status)
    {
        if (status is NominationStatus.Decided or NominationStatus.Rejected)
        {
            throw new ConflictException("Hồ sơ đã kết thúc; không sửa tiêu chí được.");
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
