using ThiDua.Core.Rewards;
using ThiDua.Data.Rewards;
using ThiDua.Web.Infrastructure.Files;

namespace ThiDua.Web.Features.Rewards;

/// <summary>How the Rewards area reads nominations: one dossier whole, or a page of summary rows, always within what the user may see.</summary>
public static class NominationQueries
{
    public static string NotFound(int id) => $"Không có hồ sơ khen thưởng số {id}.";

    public static NominationScope Scope(this Nomination n) => new(n.ProposingUnitId, n.NomineeUnitId, n.Status == NominationStatus.Draft);

    /// <summary>Province-wide roles see every dossier; a unit's staff those their unit proposes or is proposed in.</summary>
    public static IQueryable<Nomination> VisibleTo(this IQueryable<Nomination> query, CurrentUser user) =>
        user.ListScope is int own ? query.Where(n => n.ProposingUnitId == own || n.NomineeUnitId == own)
        : user.KeepsDossiers ? query
        // Council members, leaders and inspectors: a draft is the unit's own until it is submitted.
        : query.Where(n => n.Status != NominationStatus.Draft);

    /// <summary>The whole dossier, read-only: units, steps, criteria, documents with their files.</summary>
    public static IQueryable<Nomination> Whole(this IQueryable<Nomination> query) => query.AsNoTracking()
        .Include(n => n.Movement).Include(n => n.NomineeUnit).Include(n => n.ProposingUnit)
        .Include(n => n.Steps).Include(n => n.Criteria)
        .Include(n => n.Documents).ThenInclude(d => d.File)
        .AsSplitQuery();

    public static async Task<Nomination> FindTrackedAsync(this IQueryable<Nomination> query, int id, CancellationToken cancellationToken) =>
        await query.FirstOrDefaultAsync(n => n.Id == id, cancellationToken) ?? throw new NotFoundException(NotFound(id));

    /// <summary>
    /// A page of summary rows, projected in SQL, with the document kinds of the page's dossiers read in a second query
    /// (a collection inside a paged projection needs SQL APPLY, which SQLite lacks): the list never loads steps,
    /// criteria or files.
    /// </summary>
    public static async Task<PagedList<NominationSummary>> ToSummaryPageAsync(this IQueryable<Nomination> query, IQueryable<NominationDocument> documents, Paging paging, CancellationToken cancellationToken)
    {
        var page = await query.ToPagedListAsync(paging, rows => rows.Select(n => new
        {
            n.Id, MovementCode = n.Movement.Code, n.Round, n.Year, n.NomineeKind,
            NomineeUnitCode = n.NomineeUnit == null ? null : n.NomineeUnit.Code,
            NomineeUnitName = n.NomineeUnit == null ? null : n.NomineeUnit.Name,
            n.PersonFullName, n.PersonPosition, n.PersonOrganization,
            ProposingUnitCode = n.ProposingUnit.Code, ProposingUnitName = n.ProposingUnit.Name,
            n.Award, n.Status, n.NoticeStart, n.NoticeEnd, n.CouncilSessionId, n.DecisionId, n.Version,
            StepSince = n.Steps.Max(s => (DateTime?)s.At),
        }), cancellationToken);
        var ids = page.Items.Select(n => n.Id).ToList();
        var kinds = (await documents.Where(d => ids.Contains(d.NominationId)).Select(d => new { d.NominationId, d.Kind }).Distinct().ToListAsync(cancellationToken))
            .ToLookup(d => d.NominationId, d => d.Kind);
        return page.Select(n => new NominationSummary(n.Id, n.MovementCode, n.Round, n.Year, n.NomineeKind, n.NomineeUnitCode,
            NominationRules.NomineeName(n.NomineeKind, n.NomineeUnitName, n.PersonFullName, n.PersonPosition, n.PersonOrganization),
            n.ProposingUnitCode, n.ProposingUnitName, n.Award, n.Status, NominationRules.MissingDocuments(n.Award, kinds[n.Id]),
            n.NoticeStart, n.NoticeEnd, n.CouncilSessionId, n.DecisionId, n.Version) { StepSince = n.StepSince });
    }

    public static NominationDto ToDto(Nomination n) => new(n.Id, n.Movement.Code, n.Round, n.Year, n.NomineeKind, n.NomineeUnit?.Code, n.NomineeName,
        n.ProposingUnit.Code, n.ProposingUnit.Name,
        n.PersonFullName is null ? null : new PersonDto(n.PersonFullName, n.PersonPosition, n.PersonOrganization, n.PersonBirthDate, n.PersonGender),
        n.Award, n.Achievements, n.Status,
        NominationRules.MissingDocuments(n.Award, n.Documents.Select(d => d.Kind)),
        n.Documents.OrderBy(d => d.Kind).ThenByDescending(d => d.VersionNumber)
            .Select(d => new DocumentDto(d.Id, d.Kind, d.VersionNumber, FileService.ToDto(d.File), d.UploadedAt, d.UploadedBy)).ToList(),
        n.Criteria.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => new CriterionDto(c.Code, c.Text, c.Mandatory, c.Checked, c.Note, c.CheckedBy)).ToList(),
        n.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).Select(s => new StepDto(s.At, s.UserName, s.From, s.To, s.Reason)).ToList(),
        n.NoticeStart, n.NoticeEnd, n.CouncilSessionId, n.DecisionId, n.RejectionReason, n.Version);
}
