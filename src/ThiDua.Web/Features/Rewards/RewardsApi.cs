using Microsoft.AspNetCore.Http.HttpResults;
using ThiDua.Core.Rewards;
using ThiDua.Core.Text;

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
            .WithSummary("?status=&award=&round=&year=&unitCode=; units see their own dossiers. Summary rows, newest first.");
        nominations.MapGet("/{id:int}", GetNomination).RequireAuthorization(Policies.SignedIn);
        nominations.MapPut("/{id:int}", UpdateNomination).RequireAuthorization(Policies.Nominate)
            .WithSummary("Changes a draft or returned dossier. Send version or If-Match.");
        nominations.MapGet("/{id:int}/eligibility", Eligibility).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Every rule with passed and a detail: DTI band Tốt of the round's year and tasks completed, or the award's checklist.");
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
        return app;
    }

    private static async Task<Created<NominationDto>> CreateNomination(NominationService service, NominationRequest request, CancellationToken ct)
    {
        var nomination = await service.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/nominations/{nomination.Id}", nomination);
    }

    private static async Task<Ok<PagedList<NominationSummary>>> ListNominations(NominationService service, string? status, string? award, string? round, int? year, string? unitCode,
        int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(NominationFilter.Parse(status, award, round, year, unitCode), Paging.From(page, pageSize), ct));

    private static async Task<Ok<NominationDto>> GetNomination(NominationService service, int id, HttpResponse response, CancellationToken ct)
    {
        var nomination = await service.GetAsync(id, ct);
        response.SetETag(nomination.Version);
        return TypedResults.Ok(nomination);
    }

    private static async Task<Ok<NominationDto>> UpdateNomination(NominationService service, int id, NominationRequest request, HttpRequest http, CancellationToken ct) =>
        TypedResults.Ok(await service.UpdateAsync(id, request, Versions.Required(http, request.Version), ct));

    private static async Task<Ok<EligibilityDto>> Eligibility(EligibilityService service, int id, CancellationToken ct) =>
        TypedResults.Ok(await service.ForAsync(id, ct));

    private static async Task<Ok<NominationDto>> SetCriteria(BoardReviewService service, int id, List<CriterionEntry> entries, CancellationToken ct) =>
        TypedResults.Ok(await service.SetCriteriaAsync(id, entries, ct));

    private static async Task<Created<DocumentDto>> AddDocument(DossierService service, int id, [FromForm] string? kind, IFormFile? file, CancellationToken ct)
    {
        var document = await service.AddDocumentAsync(id, ParseKind(kind), file, ct);
        return TypedResults.Created($"/api/v1/files/{document.File.Id}", document);
    }

    private static async Task<Ok<NominationDto>> Submit(DossierService service, int id, CancellationToken ct) =>
        TypedResults.Ok(await service.SubmitAsync(id, ct));

    private static async Task<Ok<NominationDto>> Receive(BoardReviewService service, int id, CancellationToken ct) =>
        TypedResults.Ok(await service.ReceiveAsync(id, ct));

    private static async Task<Ok<NominationDto>> Return(BoardReviewService service, int id, ReasonRequest request, CancellationToken ct) =>
        TypedResults.Ok(await service.ReturnAsync(id, request.Reason.Trim(), ct));

    private static async Task<Ok<NominationDto>> Reject(BoardReviewService service, int id, ReasonRequest request, CancellationToken ct) =>
        TypedResults.Ok(await service.RejectAsync(id, request.Reason.Trim(), ct));

    private static async Task<Ok<NominationDto>> StartNotice(PublicNoticeService service, int id, NoticeRequest? request, CancellationToken ct) =>
        TypedResults.Ok(await service.StartAsync(id, request?.WorkingDays, ct));

    private static async Task<Ok<IReadOnlyList<PublicCommentDto>>> Comments(PublicNoticeService service, int id, CancellationToken ct) =>
        TypedResults.Ok(await service.CommentsAsync(id, markRead: true, ct));

    private static async Task<Created<CouncilSessionDto>> CreateSession(CouncilService service, CouncilSessionRequest request, CancellationToken ct)
    {
        var session = await service.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/council-sessions/{session.Id}", session);
    }

    private static async Task<Ok<PagedList<CouncilSessionDto>>> ListSessions(CouncilService service, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(Paging.From(page, pageSize), ct));

    private static async Task<Ok<CouncilSessionDto>> GetSession(CouncilService service, int id, CancellationToken ct) =>
        TypedResults.Ok(await service.GetAsync(id, ct));

    /// <summary>The answer says only that the ballot was counted; it never echoes the choices.</summary>
    private static async Task<Ok<BallotReceiptDto>> Vote(CouncilService service, int id, BallotRequest request, CancellationToken ct)
    {
        await service.VoteAsync(id, request, ct);
        return TypedResults.Ok(new BallotReceiptDto(id, true));
    }

    private static async Task<Ok<SessionResultDto>> Close(CouncilService service, int id, CancellationToken ct) =>
        TypedResults.Ok(await service.CloseAsync(id, ct));

    private static async Task<Created<DecisionDto>> Issue(DecisionService service, Documents.RecordDocuments documents, DecisionRequest request, CancellationToken ct)
    {
        var decision = await service.IssueAsync(request, ct);
        // The Quyết định as DOCX and signed PDF (docs/decisions/020); the PDF may still be rendering when this answers.
        await documents.DecisionAsync(decision.Id, ct);
        decision = await service.GetAsync(decision.Id, ct);
        return TypedResults.Created($"/api/v1/decisions/{decision.Id}", decision);
    }

    private static async Task<Ok<PagedList<DecisionDto>>> ListDecisions(DecisionService service, int? year, string? issuingBody, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(year, issuingBody, Paging.From(page, pageSize), ct));

    private static async Task<Ok<DecisionDto>> GetDecision(DecisionService service, int id, CancellationToken ct) =>
        TypedResults.Ok(await service.GetAsync(id, ct));

    private static async Task<Ok<PagedList<RewardDto>>> Search(RewardHistoryService service, string? q, int? year, string? unitCode, string? award, string? decision,
        bool? includePredecessors, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await service.SearchAsync(Query(q, year, unitCode, award, decision, includePredecessors), Paging.From(page, pageSize), ct));

    private static async Task<FileContentHttpResult> Export(RewardHistoryService service, string? q, int? year, string? unitCode, string? award, string? decision,
        bool? includePredecessors, CancellationToken ct)
    {
        var rewards = await service.AllAsync(Query(q, year, unitCode, award, decision, includePredecessors), ct);
        return TypedResults.File(RewardWorkbooks.History(rewards), ContentTypes.Xlsx, $"khen-thuong{(year is int y ? $"-{y}" : "")}.xlsx");
    }

    private static async Task<Results<Ok<RewardStatistics>, FileContentHttpResult>> Statistics(RewardHistoryService service, int? year, string? format, TimeProvider clock, CancellationToken ct)
    {
        var statistics = await service.StatisticsAsync(year ?? VietnamTime.Today(clock).Year, ct);
        return string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase)
            ? TypedResults.File(RewardWorkbooks.Statistics(statistics), ContentTypes.Xlsx, $"thong-ke-khen-thuong-{statistics.Year}.xlsx")
            : TypedResults.Ok(statistics);
    }

    private static async Task<Ok<IReadOnlyList<RewardDto>>> Person(RewardHistoryService service, string? fullName, DateOnly? dateOfBirth, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(fullName))
        {
            throw DomainException.ForField("fullName", "Cần họ và tên.");
        }
        return TypedResults.Ok(await service.PersonAsync(fullName, dateOfBirth, ct));
    }

    public static RewardQuery Query(string? q, int? year, string? unitCode, string? award, string? decision, bool? includePredecessors) =>
        new(q, year, unitCode, string.IsNullOrWhiteSpace(award) ? null : ApiCodes.Parse<AwardLevel>(award, "award"), decision, includePredecessors ?? false);

    public static DocumentKind ParseKind(string? text) => ApiCodes.TryParse<DocumentKind>(text, out var kind)
        ? kind
        : throw DomainException.ForField("kind", "kind là proposal (Tờ trình), minutes (Biên bản), achievement_report (Báo cáo thành tích) hoặc other.");
}

public sealed record BallotReceiptDto(int SessionId, bool Counted);

public sealed record PublicCommentReceipt(int Id, int NominationId, DateTime ReceivedAt);

/// <summary>A reward as open data: the decision's public content, without a person's date of birth.</summary>
public sealed record OpenRewardDto(AwardLevel Award, string AwardName, NominationRound Round, int Year, NomineeKind NomineeKind, string? UnitCode, string? UnitName,
    string? PersonFullName, string? PersonPosition, string? PersonOrganization, string DecisionNumber, DateOnly DecisionDate, string SignerTitle, string SignerName)
{
    public static OpenRewardDto From(RewardDto r) => new(r.Award, r.Award.VietnameseName(), r.Round, r.Year, r.NomineeKind, r.UnitCode, r.UnitName,
        r.PersonFullName, r.PersonPosition, r.PersonOrganization, r.DecisionNumber, r.DecisionDate, r.SignerTitle, r.SignerName);
}
