using System.ComponentModel.DataAnnotations;
using ThiDua.Core.Initiatives;
using ThiDua.Core.Text;

namespace ThiDua.Web.Features.Initiatives;

/// <summary>
/// The page form of an initiative: the same fields as the API, authors typed one per line ("Họ và tên, chức vụ"),
/// codes as the API writes them.
/// </summary>
public sealed class InitiativeForm
{
    public string? UnitCode { get; set; }

    public string Kind { get; set; } = ApiCodes.Code(InitiativeKind.Initiative);

    public string Sector { get; set; } = ApiCodes.Code(InitiativeSector.DigitalGovernment);

    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Results { get; set; }

    /// <summary>One author a line: the name, then after a comma the position.</summary>
    public string? Authors { get; set; }

    public int? Version { get; set; }

    public static InitiativeForm From(InitiativeDto i) => new()
    {
        UnitCode = i.UnitCode,
        Kind = ApiCodes.Code(i.Kind),
        Sector = ApiCodes.Code(i.Sector),
        Title = i.Title,
        Description = i.Description,
        Results = i.Results,
        Authors = string.Join("\n", i.Authors.Select(a => a.Position is null ? a.FullName : $"{a.FullName}, {a.Position}")),
        Version = i.Version,
    };

    /// <summary>The request the API would get; what it lacks is refused with the field named, in Vietnamese.</summary>
    public InitiativeRequest ToRequest()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length < 5)
        {
            errors["Form.Title"] = ["Hãy nhập tên sáng kiến, mô hình (ít nhất 5 ký tự)."];
        }
        if (string.IsNullOrWhiteSpace(Description) || Description.Trim().Length < 10)
        {
            errors["Form.Description"] = ["Hãy mô tả nội dung (ít nhất 10 ký tự)."];
        }
        if (Title?.Length > 512 || Description?.Length > 8000 || Results?.Length > 8000)
        {
            errors["Form.Description"] = ["Tên dài tối đa 512 ký tự, mô tả và kết quả tối đa 8.000 ký tự."];
        }
        var authors = (Authors ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(',', 2, StringSplitOptions.TrimEntries))
            .Select(parts => new AuthorRequest { FullName = parts[0], Position = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null })
            .ToList();
        if (authors.Count > 20 || authors.Any(a => a.FullName.Length is < 2 or > 256 || a.Position?.Length > 256))
        {
            errors["Form.Authors"] = ["Tối đa 20 tác giả, mỗi dòng một người: họ và tên (2–256 ký tự), dấu phẩy, chức vụ."];
        }
        if (!ApiCodes.TryParse<InitiativeKind>(Kind, out var kind))
        {
            errors["Form.Kind"] = ["Hãy chọn loại."];
        }
        if (!ApiCodes.TryParse<InitiativeSector>(Sector, out var sector))
        {
            errors["Form.Sector"] = ["Hãy chọn lĩnh vực."];
        }
        if (errors.Count > 0)
        {
            throw new DomainException("Thông tin sáng kiến, mô hình chưa đủ hoặc chưa đúng.", errors);
        }
        return new InitiativeRequest
        {
            UnitCode = UnitCode?.Trim() ?? "",
            Kind = kind,
            Sector = sector,
            Title = Title!,
            Description = Description!,
            Results = Results,
            Authors = authors,
            Version = Version,
        };
    }
}
