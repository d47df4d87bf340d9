using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using ThiDua.Data.Accounts;
using ThiDua.Data.Rewards;

namespace ThiDua.Web.Features.Rewards;

public sealed class EstablishingDecision
{
    [Required, StringLength(64, MinimumLength = 1)]
    public string Number { get; init; } = "";

    [Required]
    public DateOnly? Date { get; init; }
}

public sealed class CouncilRequest
{
    [Required, StringLength(64, MinimumLength = 2)]
    public string Code { get; init; } = "";

    [Required, StringLength(512, MinimumLength = 3)]
    public string Name { get; init; } = "";

    [Required, StringLength(64)]
    public string IssuingUnitCode { get; init; } = "";

    [Required]
    public EstablishingDecision? EstablishedBy { get; init; }

    [Required]
    public DateOnly? TermFrom { get; init; }

    public DateOnly? TermTo { get; init; }

    [Required, MinLength(1)]
    public List<string> MemberUserNames { get; init; } = [];
}

public sealed record CouncilMemberDto(string UserName, string FullName);

public sealed record CouncilDto(int Id, string Code, string Name, string IssuingUnitCode, string IssuingUnitName, string EstablishedByNumber, DateOnly EstablishedByDate,
    DateOnly TermFrom, DateOnly? TermTo, IReadOnlyList<CouncilMemberDto> Members);

/// <summary>
/// The standing councils (R13): each belongs to an issuing level, is set up by a decision with a fixed membership and a
/// term; a session draws its members from it, and its shares count over all of them.
/// </summary>
public sealed class CouncilRegistryService(ThiDuaDbContext db, UserManager<ApplicationUser> users, CurrentUser user, TimeProvider clock)
{
    public async Task<CouncilDto> CreateAsync(CouncilRequest request, CancellationToken cancellationToken = default)
    {
        var code = request.Code.Trim();
        if (await db.Councils.AnyAsync(c => c.Code == code, cancellationToken))
        {
            throw new ConflictException($"Đã có Hội đồng mã {code}.");
        }
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Code == request.IssuingUnitCode.Trim(), cancellationToken)
            ?? throw DomainException.ForField("issuingUnitCode", $"Không có đơn vị mã {request.IssuingUnitCode}.");
        if (request.TermTo is { } to && to < request.TermFrom!.Value)
        {
            throw DomainException.ForField("termTo", "Nhiệm kỳ kết thúc phải sau ngày bắt đầu.");
        }
        if (request.EstablishedBy!.Date!.Value > request.TermFrom!.Value)
        {
            throw DomainException.ForField("termFrom", "Nhiệm kỳ bắt đầu từ ngày có quyết định thành lập trở về sau.");
        }
        var members = new List<CouncilMember>();
        foreach (var name in request.MemberUserNames.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var member = await users.FindByNameAsync(name) ?? throw DomainException.ForField("memberUserNames", $"Không có người dùng {name}.");
            if (!await users.IsInRoleAsync(member, Roles.CouncilMember))
            {
                throw DomainException.ForField("memberUserNames", $"{member.FullName} ({name}) chưa có vai trò thành viên Hội đồng Thi đua – Khen thưởng.");
            }
            members.Add(new CouncilMember { UserId = member.Id });
        }
        var council = new Council
        {
            Code = code,
            Name = request.Name.Trim(),
            IssuingUnitId = unit.Id,
            EstablishedByNumber = request.EstablishedBy.Number.Trim(),
            EstablishedByDate = request.EstablishedBy.Date.Value,
            TermFrom = request.TermFrom.Value,
            TermTo = request.TermTo,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user.UserName,
            Members = members,
        };
        db.Councils.Add(council);
        await db.SaveChangesAsync(cancellationToken);
        return (await ListAsync(cancellationToken)).First(c => c.Id == council.Id);
    }

    public async Task<IReadOnlyList<CouncilDto>> ListAsync(CancellationToken cancellationToken = default)
    {
        var councils = await db.Councils.AsNoTracking().Include(c => c.IssuingUnit).Include(c => c.Members).ThenInclude(m => m.User)
            .OrderBy(c => c.Code).ToListAsync(cancellationToken);
        return councils.Select(c => new CouncilDto(c.Id, c.Code, c.Name, c.IssuingUnit.Code, c.IssuingUnit.Name, c.EstablishedByNumber, c.EstablishedByDate,
            c.TermFrom, c.TermTo, c.Members.Select(m => new CouncilMemberDto(m.User.UserName!, m.User.FullName)).OrderBy(m => m.UserName, StringComparer.Ordinal).ToList())).ToList();
    }

    /// <summary>The province's standing council in its term on <paramref name="date"/>, as the council page shows it; null when there is none.</summary>
    public async Task<CouncilDto?> ProvinceCouncilAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        var id = await db.Councils.Where(c => c.IssuingUnit.Type == Core.Units.UnitType.Province && c.TermFrom <= date && (c.TermTo == null || c.TermTo >= date))
            .OrderByDescending(c => c.TermFrom).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : (await ListAsync(cancellationToken)).First(c => c.Id == id);
    }

    /// <summary>The council a session belongs to: the one named, or the province's standing council in its term on <paramref name="date"/> (400 when none).</summary>
    public async Task<Council> ForSessionAsync(string? code, DateOnly date, CancellationToken cancellationToken = default)
    {
        var query = db.Councils.Include(c => c.Members).Include(c => c.IssuingUnit);
        var council = string.IsNullOrWhiteSpace(code)
            ? await query.Where(c => c.IssuingUnit.Type == Core.Units.UnitType.Province && c.TermFrom <= date && (c.TermTo == null || c.TermTo >= date))
                .OrderByDescending(c => c.TermFrom).FirstOrDefaultAsync(cancellationToken)
                ?? throw DomainException.ForField("councilCode", "Chưa có Hội đồng Thi đua – Khen thưởng của tỉnh trong nhiệm kỳ; lập Hội đồng trước (POST /api/v1/councils).")
            : await query.FirstOrDefaultAsync(c => c.Code == code.Trim(), cancellationToken)
                ?? throw DomainException.ForField("councilCode", $"Không có Hội đồng mã {code}.");
        if (council.TermFrom > date || council.TermTo < date)
        {
            throw DomainException.ForField("date", $"Ngày {date:dd/MM/yyyy} ngoài nhiệm kỳ của {council.Name}.");
        }
        return council;
    }
}
