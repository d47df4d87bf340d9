using ThiDua.Core.Rewards;
using ThiDua.Web.Data.Seed;

namespace ThiDua.Web.Features.Rewards;

/// <summary>Nominations: a unit's own dossiers, every dossier for the Reward Board, and the form that starts one (R10, R11).</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(NominationService nominations, ThiDuaDbContext db, CurrentUser user, TimeProvider clock) : CommandPageModel
{
    [BindProperty(SupportsGet = true, Name = "trangThai")]
    public string? StatusFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "nam")]
    public int? YearFilter { get; set; }

    [BindProperty]
    public NominationForm Form { get; set; } = new();

    public IReadOnlyList<NominationSummary> Items { get; private set; } = [];
    public int Total { get; private set; }
    public bool CanNominate { get; private set; }
    public bool IsBoard => user.HandlesRewards;
    public string? OwnUnitCode => user.UnitCode;
    public string? OwnUnitName { get; private set; }
    public int CurrentYear => VietnamTime.Today(clock).Year;

    /// <summary>The movements a dossier may belong to (code, name), newest first; each has its own review rounds.</summary>
    public IReadOnlyList<(string Code, string Name)> Movements { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Form.Year = CurrentYear - 1;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await user.HasPolicyAsync(Policies.Nominate))
        {
            return Forbid();
        }
        return await RunAsync(async () =>
        {
            var created = await nominations.CreateAsync(Form.ToRequest());
            TempData["Message"] = "Đã lập hồ sơ đề nghị khen thưởng; hãy tải lên các tài liệu của hồ sơ.";
            return Redirect($"/khen-thuong/{created.Id}");
        }, LoadAsync);
    }

    private async Task LoadAsync()
    {
        CanNominate = await user.HasPolicyAsync(Policies.Nominate);
        Movements = (await db.Movements.AsNoTracking().OrderByDescending(m => m.StartDate).Select(m => new { m.Code, m.Name }).ToListAsync())
            .Select(m => (m.Code, m.Name)).ToList();
        if (user.UnitId is int own)
        {
            OwnUnitName = await db.Units.Where(u => u.Id == own).Select(u => u.Name).FirstOrDefaultAsync();
        }
        NominationFilter filter;
        try
        {
            filter = NominationFilter.Parse(StatusFilter, null, null, YearFilter, null);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            filter = new NominationFilter();
        }
        var page = await nominations.ListAsync(filter, Paging.FirstLargest);
        (Items, Total) = (page.Items, page.Total);
    }
}

/// <summary>The nomination form of the page; the API takes <see cref="NominationRequest"/> directly.</summary>
public sealed class NominationForm
{
    public string MovementCode { get; set; } = MovementSeeder.Code;
    public NominationRound Round { get; set; } = NominationRound.Final;
    public int? Year { get; set; }
    public NomineeKind NomineeKind { get; set; } = NomineeKind.Unit;
    public string? UnitCode { get; set; }
    public string? FullName { get; set; }
    public string? Position { get; set; }
    public string? Organization { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public string? Gender { get; set; }
    public AwardLevel Award { get; set; } = AwardLevel.ChairmanCertificate;
    public string? Achievements { get; set; }

    public NominationRequest ToRequest()
    {
        if (string.IsNullOrWhiteSpace(Achievements) || Achievements.Trim().Length < 10)
        {
            throw DomainException.ForField("achievements", "Hãy tóm tắt thành tích (ít nhất 10 ký tự).");
        }
        var isPerson = NomineeKind is NomineeKind.Individual or NomineeKind.Other;
        return new NominationRequest
        {
            MovementCode = string.IsNullOrWhiteSpace(MovementCode) ? MovementSeeder.Code : MovementCode.Trim(),
            Round = Round,
            Year = Year,
            NomineeKind = NomineeKind,
            UnitCode = isPerson ? null : UnitCode,
            Person = isPerson ? new PersonRequest { FullName = FullName ?? "", Position = Position, Organization = Organization, DateOfBirth = DateOfBirth, Gender = Gender } : null,
            Award = Award,
            Achievements = Achievements,
        };
    }
}
