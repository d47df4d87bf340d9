using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThiDua.Core.Calendar;
using ThiDua.Core.Errors;
using ThiDua.Core.Rewards;
using ThiDua.Data;
using ThiDua.Data.Rewards;
using ThiDua.Web.Features.Assessment;
using ThiDua.Web.Infrastructure.Api;
using ThiDua.Web.Infrastructure.Auth;

namespace ThiDua.Web.Features.Rewards;

/// <summary>Nominations, dossiers, council sessions with secret ballots, public notice, decisions and the reward history (R10–R13) — API.md.</summary>
public static class RewardsApi
{
    public static IEndpointRouteBuilder MapRewardsApi(this IEndpointRouteBuilder app)
    {
        var nominations = app.MapGroup("/api/v1/nominations").WithTags("Rewards");
        nominations.MapPost("/", CreateNomination).RequireAuthorization(Policies.Nominate)
            .WithSummary("A unit proposes a collective, an enterprise, a person or another contributor for an award of a round.");
        nominations.MapGet("/", ListNominations).RequireAuthorization(Policies.SignedIn)
            .WithSummary("?status=&award=&round=&year=&unitCode=; units see their own dossiers.");
        nominations.MapGet("/{id:int}", GetNomination).RequireAuthorization(Policies.SignedIn);
        nominations.MapPut("/{id:int}", UpdateNomination).RequireAuthorization(Policies.Nominate)
            .WithSummary("Changes a draft or returned dossier. Send version or If-Match.");
        nominations.MapGet("/{id:int}/eligibility", Eligibility).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Every rule with passed and a detail: DTI band Tốt (≥ 85/100) of the round's year and tasks completed, or the award's checklist.");
        nominations.MapPut("/{id:int}/criteria", SetCriteria).RequireAuthorization(Policies.RewardBoard)
            .WithSummary("The Reward Board ticks the criteria of an enterprise's or a person's award, with a note.");
        nominations.MapPost("/{id:int}/documents", AddDocument).RequireAuthorization(Policies.Nominate).DisableAntiforgery()
            .WithSummary("Multipart kind (proposal|minutes|achievement_report|other) and file (PDF, DOCX, PNG, JPEG by content). A second file of a kind is its next version.");
        nominations.MapPost("/{id:int}/submit", Submit).RequireAuthorization(Policies.Nominate)
            .WithSummary("The proposing unit's leader submits; 400 lists the missing documents of a chairman_certificate or state_award dossier.");
        nominations.MapPost("/{id:int}/receive", Receive).RequireAuthorization(Policies.RewardBoard);
        nominations.MapPost("/{id:int}/return", Return).RequireAuthorization(Policies.RewardBoard)
            .WithSummary("{reason}: back to the unit, which edits and submits again.");
        nominations.MapPost("/{id:int}/reject", Reject).RequireAuthorization(Policies.RewardBoard);
        nominations.MapPost("/{id:int}/notice", StartNotice).RequireAuthorization(Policies.RewardBoard)
            .WithSummary("Puts a nomination the council passed on public notice for {workingDays} working days (default 10; weekends and holidays skipped).");
        nominations.MapGet("/{id:int}/comments", Comments).RequireAuthorization(Policies.RewardBoard)
            .WithSummary("The public's comments on the notice; reading marks them read.");

        var sessions = app.MapGroup("/api/v1/council-sessions").WithTags("Rewards");
        sessions.MapPost("/", CreateSession).RequireAuthorization(Policies.RewardBoard)
            .WithSummary("{date, nominationIds, memberUserNames, threshold, quorum?}: received, eligible nominations go to the council.");
        sessions.MapGet("/", ListSessions).RequireAuthorization(Policies.Council);
        sessions.MapGet("/{id:int}", GetSession).RequireAuthorization(Policies.Council)
            .WithSummary("Members show only whether they voted; tallies appear after closing.");
        sessions.MapPost("/{id:int}/ballots", Vote).RequireAuthorization(Policies.CouncilVote)
            .WithSummary("A member of the session votes once, one choice per nomination; the choice is stored only as a count.");
        sessions.MapPost("/{id:int}/close", Close).RequireAuthorization(Policies.RewardBoard)
            .WithSummary("Quorum, tallies and the passed nominations; the minutes' data.");

        var decisions = app.MapGroup("/api/v1/decisions").WithTags("Rewards");
        decisions.MapPost("/", Issue).RequireAuthorization(Policies.Decide)
            .WithSummary("Number (or the next of the issuing body's year), date, signer; the nominations become rewards.");
        decisions.MapGet("/", ListDecisions).RequireAuthorization(Policies.SignedIn);
        decisions.MapGet("/{id:int}", GetDecision).RequireAuthorization(Policies.SignedIn);

        var rewards = app.MapGroup("/api/v1/rewards").WithTags("Rewards");
        rewards.MapGet("/", Search).RequireAuthorization(Policies.SignedIn)
            .WithSummary("?q= (person or unit, diacritics optional) &year=&unitCode=&award=&decision=&includePredecessors=");
        rewards.MapGet("/export", Export).RequireAuthorization(Policies.SignedIn)
            .WithSummary("The same search as an XLSX workbook.");
        rewards.MapGet("/statistics", Statistics).RequireAuthorization(Policies.SignedIn)
            .WithSummary("The 15 December statistics of ?year=: rewards by award and kind of nominee; ?format=xlsx for the workbook.");
        rewards.MapGet("/person", Person).RequireAuthorization(Policies.SignedIn)
            .WithSummary("?fullName=&dateOfBirth=: a person's rewards.");

        var holidays = app.MapGroup("/api/v1/holidays").WithTags("Calendar");
        holidays.MapGet("/", Holidays).RequireAuthorization(Policies.SignedIn)
            .WithSummary("The days off of ?year= that notices and deadlines skip: the statutory ones and those the administrator added.");
        holidays.MapPost("/", AddHoliday).RequireAuthorization(Policies.Admin)
            .WithSummary("Adds a day off the government decided for the year (a bridge day, a shifted holiday) {date, name}.");
        holidays.MapDelete("/{date}", RemoveHoliday).RequireAuthorization(Policies.Admin);

        var open = app.MapGroup("/api/open/v1").WithTags("Open data").RequireAuthorization(Policies.Public);
        open.MapGet("/notices", Notices).WithSummary("Nominations on public notice now, with the last day for comments.");
        open.MapPost("/notices/{id:int}/comments", Comment).DisableAntiforgery()
            .WithSummary("A comment of the public on a nomination under notice {name?, contact?, body}.");
        open.MapGet("/rewards", OpenRewards).WithSummary("Rewards decided (no birth dates): ?year=&unitCode=&q=.");
        return app;
    }

    private static async Task<Created<NominationDto>> CreateNomination(NominationService service, NominationRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var nomination = await service.CreateAsync(request, user, ct);
        return TypedResults.Created($"/api/v1/nominations/{nomination.Id}", nomination);
    }

    private static async Task<Ok<PagedList<NominationDto>>> ListNominations(NominationService service, string? status, string? award, string? round, int? year, string? unitCode,
        int? page, int? pageSize, ClaimsPrincipal user, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        return TypedResults.Ok(paging.Apply(await service.ListAsync(status, award, round, year, unitCode, user, ct)));
    }

    private static async Task<Ok<NominationDto>> GetNomination(NominationService service, int id, ClaimsPrincipal user, HttpResponse response, CancellationToken ct)
    {
        var nomination = await service.GetAsync(id, user, ct);
        response.SetETag(nomination.Version);
        return TypedResults.Ok(nomination);
    }

    private static async Task<Ok<NominationDto>> UpdateNomination(NominationService service, int id, NominationRequest request, HttpRequest http, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await service.UpdateAsync(id, request, Versions.Required(http, request.Version), user, ct));

    private static async Task<Ok<EligibilityDto>> Eligibility(NominationService service, int id, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await service.EligibilityAsync(id, user, ct));

    private static async Task<Ok<NominationDto>> SetCriteria(NominationService service, int id, List<CriterionEntry> entries, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await service.SetCriteriaAsync(id, entries, user, ct));

    private static async Task<Created<DocumentDto>> AddDocument(NominationService service, int id, [FromForm] string? kind, IFormFile? file, ClaimsPrincipal user, CancellationToken ct)
    {
        var document = await service.AddDocumentAsync(id, ParseKind(kind), file, user, ct);
        return TypedResults.Created($"/api/v1/files/{document.File.Id}", document);
    }

    private static async Task<Ok<NominationDto>> Submit(NominationService service, int id, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await service.SubmitAsync(id, user, ct));

    private static async Task<Ok<NominationDto>> Receive(NominationService service, int id, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await service.ReceiveAsync(id, user, ct));

    private static async Task<Ok<NominationDto>> Return(NominationService service, int id, ReasonRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await service.ReturnAsync(id, request.Reason.Trim(), user, ct));

    private static async Task<Ok<NominationDto>> Reject(NominationService service, int id, ReasonRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await service.RejectAsync(id, request.Reason.Trim(), user, ct));

    private static async Task<Ok<NominationDto>> StartNotice(NominationService service, int id, NoticeRequest? request, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await service.StartNoticeAsync(id, request?.WorkingDays, user, ct));

    private static async Task<Ok<IReadOnlyList<PublicCommentDto>>> Comments(NominationService service, int id, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await service.CommentsAsync(id, markRead: true, user, ct));

    private static async Task<Created<CouncilSessionDto>> CreateSession(CouncilService service, CouncilSessionRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var session = await service.CreateAsync(request, user, ct);
        return TypedResults.Created($"/api/v1/council-sessions/{session.Id}", session);
    }

    private static async Task<Ok<PagedList<CouncilSessionDto>>> ListSessions(CouncilService service, int? page, int? pageSize, ClaimsPrincipal user, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        return TypedResults.Ok(paging.Apply(await service.ListAsync(user, ct)));
    }

    private static async Task<Ok<CouncilSessionDto>> GetSession(CouncilService service, int id, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await service.GetAsync(id, user, ct));

    /// <summary>The answer says only that the ballot was counted; it never echoes the choices.</summary>
    private static async Task<Ok<BallotReceiptDto>> Vote(CouncilService service, int id, BallotRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        await service.VoteAsync(id, request, user, ct);
        return TypedResults.Ok(new BallotReceiptDto(id, true));
    }

    private static async Task<Ok<SessionResultDto>> Close(CouncilService service, int id, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await service.CloseAsync(id, user, ct));

    private static async Task<Created<DecisionDto>> Issue(DecisionService service, DecisionRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var decision = await service.IssueAsync(request, user, ct);
        return TypedResults.Created($"/api/v1/decisions/{decision.Id}", decision);
    }

    private static async Task<Ok<PagedList<DecisionDto>>> ListDecisions(DecisionService service, int? year, string? issuingBody, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        return TypedResults.Ok(paging.Apply(await service.ListAsync(year, issuingBody, ct)));
    }

    private static async Task<Ok<DecisionDto>> GetDecision(DecisionService service, int id, CancellationToken ct) =>
        TypedResults.Ok(await service.GetAsync(id, ct));

    private static async Task<Ok<PagedList<RewardDto>>> Search(RewardHistoryService service, string? q, int? year, string? unitCode, string? award, string? decision,
        bool? includePredecessors, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        return TypedResults.Ok(paging.Apply(await service.SearchAsync(Query(q, year, unitCode, award, decision, includePredecessors), ct)));
    }

    private static async Task<FileContentHttpResult> Export(RewardHistoryService service, string? q, int? year, string? unitCode, string? award, string? decision,
        bool? includePredecessors, CancellationToken ct)
    {
        var rewards = await service.SearchAsync(Query(q, year, unitCode, award, decision, includePredecessors), ct);
        return TypedResults.File(RewardHistoryService.Xlsx(rewards), AssessmentApi.XlsxType, $"khen-thuong{(year is int y ? $"-{y}" : "")}.xlsx");
    }

    private static async Task<Results<Ok<RewardStatistics>, FileContentHttpResult>> Statistics(RewardHistoryService service, int? year, string? format, TimeProvider clock, CancellationToken ct)
    {
        var statistics = await service.StatisticsAsync(year ?? VietnamTime.Today(clock).Year, ct);
        return string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase)
            ? TypedResults.File(RewardHistoryService.StatisticsXlsx(statistics), AssessmentApi.XlsxType, $"thong-ke-khen-thuong-{statistics.Year}.xlsx")
            : TypedResults.Ok(statistics);
    }

    private static async Task<Ok<IReadOnlyList<RewardDto>>> Person(RewardHistoryService service, string? fullName, DateOnly? dateOfBirth, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(fullName))
        {
            throw DomainException.ForField("fullName", "Cần họ và tên (fullName).");
        }
        return TypedResults.Ok(await service.PersonAsync(fullName, dateOfBirth, ct));
    }

    private static async Task<Ok<IReadOnlyList<NoticeDto>>> Notices(NominationService service, CancellationToken ct) =>
        TypedResults.Ok(await service.NoticesAsync(ct));

    private static async Task<Created<PublicCommentReceipt>> Comment(NominationService service, int id, PublicCommentRequest request, CancellationToken ct)
    {
        var comment = await service.CommentAsync(id, request, ct);
        // The public gets a receipt, not the stored comment: names and contacts are for the Board only.
        return TypedResults.Created($"/api/open/v1/notices/{id}", new PublicCommentReceipt(comment.Id, id, comment.CreatedAt));
    }

    private static async Task<Ok<PagedList<OpenRewardDto>>> OpenRewards(RewardHistoryService service, string? q, int? year, string? unitCode, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        var rewards = await service.SearchAsync(new RewardQuery(q, year, unitCode, null, null), ct);
        return TypedResults.Ok(paging.Apply(rewards.Select(OpenRewardDto.From).ToList()));
    }

    private static async Task<Ok<IReadOnlyList<HolidayDto>>> Holidays(ThiDuaDbContext db, int? year, TimeProvider clock, CancellationToken ct)
    {
        var y = year ?? VietnamTime.Today(clock).Year;
        if (y is < 1990 or > 2100)
        {
            throw DomainException.ForField("year", "Năm không hợp lệ.");
        }
        var extra = await db.Holidays.AsNoTracking().Where(h => h.Date >= new DateOnly(y, 1, 1) && h.Date <= new DateOnly(y, 12, 31)).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<HolidayDto>>(VietnamHolidays.Statutory(y).Select(h => new HolidayDto(h.Day, h.Name, true))
            .Concat(extra.Select(h => new HolidayDto(h.Date, h.Name, false)))
            .OrderBy(h => h.Date).ToList());
    }

    private static async Task<Created<HolidayDto>> AddHoliday(ThiDuaDbContext db, HolidayRequest request, CancellationToken ct)
    {
        var date = request.Date!.Value;
        if (date.Year is < 1990 or > 2100)
        {
            throw DomainException.ForField("date", "Ngày nghỉ phải trong các năm 1990–2100.");
        }
        if (VietnamHolidays.Statutory(date.Year).Any(h => h.Day == date)
            || await db.Holidays.AnyAsync(h => h.Date == date, ct))
        {
            throw new ConflictException($"Ngày {date:dd/MM/yyyy} đã là ngày nghỉ.");
        }
        db.Holidays.Add(new Holiday { Date = date, Name = request.Name.Trim() });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/holidays?year={date.Year}", new HolidayDto(date, request.Name.Trim(), false));
    }

    private static async Task<NoContent> RemoveHoliday(ThiDuaDbContext db, DateOnly date, CancellationToken ct)
    {
        var holiday = await db.Holidays.FindAsync([date], ct)
            ?? throw new NotFoundException($"Ngày {date:dd/MM/yyyy} không phải ngày nghỉ được thêm (ngày nghỉ theo Bộ luật Lao động không xoá được).");
        db.Holidays.Remove(holiday);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static RewardQuery Query(string? q, int? year, string? unitCode, string? award, string? decision, bool? includePredecessors) =>
        new(q, year, unitCode, string.IsNullOrWhiteSpace(award) ? null : ApiCodes.Parse<AwardLevel>(award, "award"), decision, includePredecessors ?? false);

    public static DocumentKind ParseKind(string? text) => ApiCodes.TryParse<DocumentKind>(text, out var kind)
        ? kind
        : throw DomainException.ForField("kind", "kind là proposal (Tờ trình), minutes (Biên bản), achievement_report (Báo cáo thành tích) hoặc other.");
}

public sealed record BallotReceiptDto(int SessionId, bool Counted);

public sealed record HolidayDto(DateOnly Date, string Name, bool Statutory);

public sealed class HolidayRequest
{
    [System.ComponentModel.DataAnnotations.Required]
    public DateOnly? Date { get; init; }

    [System.ComponentModel.DataAnnotations.Required, System.ComponentModel.DataAnnotations.StringLength(256, MinimumLength = 2)]
    public string Name { get; init; } = "";
}

public sealed record PublicCommentReceipt(int Id, int NominationId, DateTime ReceivedAt);

/// <summary>A reward as open data: the decision's public content, without a person's date of birth.</summary>
public sealed record OpenRewardDto(AwardLevel Award, string AwardName, NominationRound Round, int Year, NomineeKind NomineeKind, string? UnitCode, string? UnitName,
    string? PersonFullName, string? PersonPosition, string? PersonOrganization, string DecisionNumber, DateOnly DecisionDate, string SignerTitle, string SignerName)
{
    public static OpenRewardDto From(RewardDto r) => new(r.Award, r.Award.VietnameseName(), r.Round, r.Year, r.NomineeKind, r.UnitCode, r.UnitName,
        r.PersonFullName, r.PersonPosition, r.PersonOrganization, r.DecisionNumber, r.DecisionDate, r.SignerTitle, r.SignerName);
}
