using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.AspNetCore.Identity;
using ThiDua.Core.Assessment;
using ThiDua.Core.Rewards;
using ThiDua.Core.Units;
using ThiDua.Data.Accounts;
using ThiDua.Data.Assessment;
using ThiDua.Data.Rewards;
using ThiDua.Data.Units;
using ThiDua.Web.Features.Assessment;
using ThiDua.Web.Infrastructure.Operations;

namespace ThiDua.Web.Data.Seed;

/// <summary>
/// The national-scale dataset for load tests and demos (<c>seed-national --units N</c>, issue 14): the 34 provinces
/// and cities of 1 July 2025 (<c>vn-provinces-2025.csv</c>, real names and codes) and N synthetic commune-level units
/// spread over them in the real proportions, one emulation cluster per province, a national commune framework of 300
/// indicators (every rule kind, 9 groups, 1,000 points), every commune's assessment appraised and published, a few
/// nominations and decided rewards, and accounts for load writers. The million values go in through
/// <see cref="BulkInsert"/> (no change tracking); everything small goes through EF and the app's own services, and the
/// publication through <see cref="ResultsService.PublishAsync"/>, so it is a real one.
/// </summary>
public sealed class NationalSeeder(
    ThiDuaDbContext db,
    FrameworkService frameworks,
    ResultsService results,
    UserManager<ApplicationUser> users,
    TimeProvider clock)
{
    public const string ResourceName = "ThiDua.Web.Data.Seed.vn-provinces-2025.csv";

    /// <summary>The appraised and published framework.</summary>
    public const string FrameworkCode = "QG-XA-2026";
    public const int Year = 2026;

    /// <summary>The next year's framework, with a draft for each writer's unit: the load test's saves go there.</summary>
    public const string DraftFrameworkCode = "QG-XA-2027";

    public const int Indicators = 300;
    public const int Groups = 9;
    public const double ScaleMax = 1000;

    /// <summary>How many reporter accounts (qg.baocao01…) get a unit and a draft to write to.</summary>
    public const int Writers = 32;
    public const string SecretariatUserName = "qg.thuongtruc";

    /// <summary>The national units' codes start with this; the provinces' are QG-01 … QG-96 (Quảng Ninh keeps QN-22).</summary>
    public const string CodePrefix = "QG-";

    public static readonly DateOnly ValidFrom = new(2025, 7, 1);

    public static string WriterUserName(int i) => $"qg.baocao{i:D2}";

    public sealed record Province(string Code, string Name, int Communes, int Wards, int SpecialZones, string? ExistingCode)
    {
        public int Total => Communes + Wards + SpecialZones;
        public string UnitCode => ExistingCode ?? CodePrefix + Code;
        public string ShortName => Name.Replace("Thành phố ", "", StringComparison.Ordinal).Replace("Tỉnh ", "", StringComparison.Ordinal);
    }

    public sealed record Writer(string UserName, string UnitCode, int AssessmentId);

    public sealed record Summary(int Provinces, int Communes, int Clusters, long Values, TimeSpan Publish, int Nominations, int Rewards, IReadOnlyList<Writer> Writers);

    /// <summary>True when the national framework or units are already in the database.</summary>
    public async Task<bool> PresentAsync(CancellationToken cancellationToken = default) =>
        await db.Frameworks.AnyAsync(f => f.Code == FrameworkCode || f.Code == DraftFrameworkCode, cancellationToken)
        || await db.Units.AnyAsync(u => u.Code.StartsWith(CodePrefix), cancellationToken);

    public async Task<Summary> SeedAsync(int communes, ProgressBar progress, CancellationToken cancellationToken = default)
    {
        if (communes < Writers)
        {
            throw new ArgumentOutOfRangeException(nameof(communes), $"At least {Writers} communes are needed (one per writer).");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var provinces = ReadProvinces();

        // 1. Provinces and communes, through EF: a few thousand rows, and the search names are kept by the DbContext.
        var provinceUnits = await ProvincesAsync(provinces, cancellationToken);
        var plan = Plan(provinces, communes);
        progress.Start("units", plan.Count);
        var communeUnits = new List<(Unit Unit, Province Province, double Level)>(plan.Count);
        foreach (var chunk in plan.Chunk(500))
        {
            foreach (var (province, name, code) in chunk)
            {
                var unit = new Unit
                {
                    Code = code,
                    Name = name,
                    Type = UnitType.Commune,
                    Subtype = UnitTypes.SubtypeFromName(UnitType.Commune, name),
                    ParentId = provinceUnits[province.Code].Id,
                    ValidFrom = ValidFrom,
                    Source = "Dữ liệu tổng hợp cho kiểm thử tải (seed-national); số đơn vị mỗi tỉnh theo các nghị quyết sắp xếp năm 2025",
                };
                db.Units.Add(unit);
                communeUnits.Add((unit, province, Level(code)));
            }
            await db.SaveChangesAsync(cancellationToken);
            progress.Report(communeUnits.Count);
        }
        progress.Done(communeUnits.Count);

        // 2. One cluster per province for the year: the communes are ranked within their province too.
        foreach (var group in communeUnits.GroupBy(c => c.Province))
        {
            var cluster = new Cluster { Code = $"CUM-XA-{group.Key.Code}", Name = $"Cụm thi đua cấp xã {group.Key.Name}", Kind = ClusterKind.Cluster, Year = Year };
            cluster.Members.AddRange(group.Select(c => new ClusterMember { UnitId = c.Unit.Id }));
            db.Clusters.Add(cluster);
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        // 3. The frameworks, through FrameworkService: validated exactly like one sent to the API.
        await frameworks.CreateAsync(Framework(FrameworkCode, Year), cancellationToken);
        await frameworks.CreateAsync(Framework(DraftFrameworkCode, Year + 1), cancellationToken);
        var (framework, compiled) = await frameworks.CompiledAsync(FrameworkCode, cancellationToken);
        var (draftFramework, _) = await frameworks.CompiledAsync(DraftFrameworkCode, cancellationToken);

        // 4. Assessments, their history and a million values, without change tracking.
        var writers = WriterUnits(communeUnits);
        var appraisedAt = new DateTime(Year, 12, 15, 2, 0, 0, DateTimeKind.Utc);
        var submittedAt = appraisedAt.AddDays(-10);
        var createdAt = appraisedAt.AddDays(-30);
        await BulkInsert.WriteAsync<UnitAssessment>(db,
            ["FrameworkId", "UnitId", "Status", "CreatedAt", "CreatedBy", "SubmittedAt", "SubmittedBy", "AppraisedAt", "AppraisedBy", "Version"],
            communeUnits.Select(c => new object?[] { framework.Id, c.Unit.Id, AssessmentStatus.Appraised, createdAt, "system", submittedAt, "system", appraisedAt, "system", 0 })
                .Concat(writers.Select(w => new object?[] { draftFramework.Id, w.Unit.Id, AssessmentStatus.Draft, now, "system", null, null, null, null, 0 })),
            cancellationToken: cancellationToken);
        var ids = await db.Assessments.AsNoTracking().Where(a => a.FrameworkId == framework.Id || a.FrameworkId == draftFramework.Id)
            .Select(a => new { a.Id, a.FrameworkId, a.UnitId }).ToListAsync(cancellationToken);
        var appraisedIds = ids.Where(a => a.FrameworkId == framework.Id).ToDictionary(a => a.UnitId, a => a.Id);
        var draftIds = ids.Where(a => a.FrameworkId == draftFramework.Id).ToDictionary(a => a.UnitId, a => a.Id);

        await BulkInsert.WriteAsync<AssessmentEvent>(db, ["AssessmentId", "At", "UserName", "From", "To", "Message"],
            communeUnits.SelectMany(c => new[]
            {
                new object?[] { appraisedIds[c.Unit.Id], createdAt, "system", null, AssessmentStatus.Draft, "Dữ liệu quy mô toàn quốc" },
                new object?[] { appraisedIds[c.Unit.Id], submittedAt, "system", AssessmentStatus.Draft, AssessmentStatus.Submitted, null },
                new object?[] { appraisedIds[c.Unit.Id], appraisedAt, "system", AssessmentStatus.Submitted, AssessmentStatus.Appraised, null },
            }).Concat(writers.Select(w => new object?[] { draftIds[w.Unit.Id], now, "system", null, AssessmentStatus.Draft, "Dữ liệu quy mô toàn quốc" })),
            cancellationToken: cancellationToken);

        var totalValues = (long)(communeUnits.Count + writers.Count) * compiled.IndicatorCount;
        progress.Start("assessments", communeUnits.Count);
        var valueProperties = new[] { "AssessmentId", "IndicatorCode", "SelfValue", "SelfRaw", "AppraisedValue", "AppraisedRaw", "Decision", "UpdatedAt", "UpdatedBy", "Version" };
        var written = await BulkInsert.WriteAsync<AssessmentValue>(db, valueProperties,
            communeUnits.SelectMany(c => ValueRows(compiled, appraisedIds[c.Unit.Id], c.Unit.Code, c.Level, Year, appraised: true, appraisedAt)),
            done => progress.Report(done / compiled.IndicatorCount), cancellationToken);
        progress.Done(communeUnits.Count);
        written += await BulkInsert.WriteAsync<AssessmentValue>(db, valueProperties,
            writers.SelectMany(w => ValueRows(compiled, draftIds[w.Unit.Id], w.Unit.Code, w.Level, Year + 1, appraised: false, now)),
            cancellationToken: cancellationToken);
        Debug.Assert(written == totalValues);

        // 5. Accounts for the load writers (one per unit with a draft) and a Secretariat account.
        var writerAccounts = new List<Writer>();
        progress.Start("accounts", writers.Count + 1);
        await CreateUserAsync(SecretariatUserName, "Thường trực (dữ liệu toàn quốc)", Roles.Secretariat, null);
        for (var i = 0; i < writers.Count; i++)
        {
            await CreateUserAsync(WriterUserName(i + 1), $"Cán bộ báo cáo {writers[i].Unit.Name}", Roles.UnitReporter, writers[i].Unit.Id);
            writerAccounts.Add(new Writer(WriterUserName(i + 1), writers[i].Unit.Code, draftIds[writers[i].Unit.Id]));
            progress.Report(i + 2);
        }
        progress.Done(writers.Count + 1);

        // Fresh planner statistics: the load test starts right after the seed.
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
        }

        // 6. The publication, through the app's own service (timed: the issue's goal is ≤ 2 s for a national framework).
        var stopwatch = Stopwatch.StartNew();
        await results.PublishAsync(FrameworkCode, notify: false, cancellationToken: cancellationToken);
        var publish = stopwatch.Elapsed;
        db.ChangeTracker.Clear();

        // 7. Nominations and rewards: each province's best tenth proposed; the best twentieth decided by the Chairman.
        var (nominations, rewards) = await RewardsAsync(communeUnits, provinceUnits, now, cancellationToken);

        return new Summary(provinceUnits.Count, communeUnits.Count, communeUnits.Select(c => c.Province).Distinct().Count(), written, publish, nominations, rewards, writerAccounts);
    }

    public static IReadOnlyList<Province> ReadProvinces()
    {
        using var stream = typeof(NationalSeeder).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var csv = CsvReader.Create(stream, CsvReaderOptions.Default with { Separator = ',' });
        var rows = new List<Province>();
        while (csv.Read())
        {
            string Field(string name) => csv.GetString(name) ?? "";
            var existing = Field("existing_code");
            rows.Add(new Province(Field("code"), Field("name_vi").Normalize(NormalizationForm.FormC),
                int.Parse(Field("communes"), CultureInfo.InvariantCulture), int.Parse(Field("wards"), CultureInfo.InvariantCulture),
                int.Parse(Field("special_zones"), CultureInfo.InvariantCulture), existing.Length == 0 ? null : existing));
        }
        return rows;
    }

    /// <summary>
    /// Spreads <paramref name="communes"/> over the provinces in proportion to their real number of commune-level units
    /// (largest remainder, at least one each when there are enough), and within a province keeps its mix of wards,
    /// communes and special zones. 3,321 gives every province exactly its real count.
    /// </summary>
    public static List<(Province Province, string Name, string Code)> Plan(IReadOnlyList<Province> provinces, int communes)
    {
        var total = provinces.Sum(p => p.Total);
        var shares = provinces.Select(p => (double)communes * p.Total / total).ToArray();
        var counts = shares.Select(s => (int)Math.Floor(s)).ToArray();
        if (communes >= provinces.Count)
        {
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] = Math.Max(1, counts[i]);
            }
        }
        foreach (var i in Enumerable.Range(0, provinces.Count).OrderByDescending(i => shares[i] - Math.Floor(shares[i])).ThenBy(i => i))
        {
            if (counts.Sum() >= communes)
            {
                break;
            }
            counts[i]++;
        }
        while (counts.Sum() > communes)
        {
            counts[Array.IndexOf(counts, counts.Max())]--;
        }

        var plan = new List<(Province, string, string)>(communes);
        for (var p = 0; p < provinces.Count; p++)
        {
            var province = provinces[p];
            for (var j = 0; j < counts[p]; j++)
            {
                // The j-th of k synthetic units stands for the real unit at the same relative place in the province's
                // list of wards, special zones, then communes: the mix stays the real one.
                var real = (int)((long)j * province.Total / counts[p]);
                var kind = real < province.Wards ? "Phường" : real < province.Wards + province.SpecialZones ? "Đặc khu" : "Xã";
                plan.Add((province, $"{kind} {province.ShortName} {j + 1}", $"{CodePrefix}{province.Code}-{j + 1:D3}"));
            }
        }
        return plan;
    }

    /// <summary>The national commune framework: 300 indicators in 9 groups, every rule kind, 1,000 points (100 × 5 + 200 × 2.5).</summary>
    public static FrameworkDefinition Framework(string code, int year)
    {
        string[] groupNames =
        [
            "Nhận thức số", "Thể chế số", "Hạ tầng số", "Nhân lực số", "An toàn thông tin mạng",
            "Chính quyền số", "Kinh tế số", "Xã hội số", "Dữ liệu số",
        ];
        var kinds = new[] { "boolean", "ratio", "steps", "goalposts", "choice", "index", "manual" };
        var groups = new List<GroupDefinition>();
        var n = 0;
        for (var g = 0; g < Groups; g++)
        {
            var size = (Indicators / Groups) + (g < Indicators % Groups ? 1 : 0);
            var indicators = new List<IndicatorDefinition>();
            for (var k = 0; k < size; k++, n++)
            {
                var max = n < 100 ? 5.0 : 2.5;
                var kind = kinds[n % kinds.Length];
                indicators.Add(new IndicatorDefinition
                {
                    Code = $"CS{g + 1}.{k + 1:D2}",
                    Name = $"{groupNames[g]}: chỉ tiêu {g + 1}.{k + 1:D2}",
                    MaxPoints = max,
                    Rule = kind switch
                    {
                        "steps" => new RuleDefinition { Kind = kind, Steps = [new() { Min = 0, Points = 0 }, new() { Min = 10, Points = max / 2 }, new() { Min = 20, Points = max }] },
                        "goalposts" => new RuleDefinition { Kind = kind, Low = 0, High = 100, Direction = k % 2 == 0 ? "up" : "down" },
                        "choice" => new RuleDefinition
                        {
                            Kind = kind,
                            Options = [new() { Code = "A", Label = "Đạt đầy đủ", Points = max }, new() { Code = "B", Label = "Đạt một phần", Points = max / 2 }, new() { Code = "C", Label = "Chưa đạt", Points = 0 }],
                        },
                        "ratio" => new RuleDefinition { Kind = kind, Unit = "%" },
                        _ => new RuleDefinition { Kind = kind },
                    },
                });
            }
            groups.Add(new GroupDefinition { Code = $"CS{g + 1}", Name = groupNames[g], Indicators = indicators });
        }
        return new FrameworkDefinition
        {
            Code = code,
            Name = $"Bộ chỉ số chuyển đổi số cấp xã toàn quốc năm {year}",
            Year = year,
            UnitType = UnitType.Commune.Code(),
            ScaleMax = ScaleMax,
            Bands = [new() { Name = "Tốt", MinFraction = 0.8 }, new() { Name = "Khá", MinFraction = 0.65 }, new() { Name = "Trung bình", MinFraction = 0.5 }, new() { Name = "Chưa đạt", MinFraction = 0 }],
            Groups = groups,
            Description = "Dữ liệu quy mô toàn quốc cho kiểm thử tải và trình diễn (lệnh seed-national); các chỉ tiêu là minh hoạ.",
            Illustrative = true,
        };
    }

    /// <summary>A unit's 300 values, drawn from its code and the year: the same every run.</summary>
    public static IEnumerable<object?[]> ValueRows(CompiledFramework compiled, int assessmentId, string unitCode, double level, int year, bool appraised, DateTime at)
    {
        var random = RandomFor(unitCode, year);
        for (var i = 0; i < compiled.IndicatorCount; i++)
        {
            var raw = Value(compiled, i, level, random);
            var json = JsonSerializer.Serialize(compiled.DisplayValue(i, raw));
            yield return appraised
                ? [assessmentId, compiled.Codes[i], json, raw, json, raw, AppraisalDecision.Accepted, at, "system", 0]
                : [assessmentId, compiled.Codes[i], json, raw, null, null, AppraisalDecision.None, at, "system", 0];
        }
    }

    /// <summary>A plausible raw value of indicator <paramref name="i"/> for a unit at <paramref name="level"/> (0–1), with noise.</summary>
    public static double Value(CompiledFramework compiled, int i, double level, Random random)
    {
        var x = Math.Clamp(level + ((random.NextDouble() - 0.5) * 0.3), 0, 1);
        return compiled.Kinds[i] switch
        {
            RuleKind.Boolean => x > 0.45 ? 1 : 0,
            RuleKind.Ratio or RuleKind.Index => Math.Round(x, 2),
            RuleKind.Steps => Math.Round(x * 25),
            RuleKind.Goalposts => Math.Round(x * 100),
            RuleKind.Choice => x > 0.75 ? 0 : x > 0.45 ? 1 : 2,
            RuleKind.Manual => Math.Round(x * compiled.MaxPoints[i] * 2, MidpointRounding.AwayFromZero) / 2,
            _ => 0,
        };
    }

    private static double Level(string code) => 0.45 + (0.5 * RandomFor(code, 0).NextDouble());

    private static Random RandomFor(string key, int year)
    {
        // FNV-1a: string.GetHashCode differs between processes, this does not.
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes($"{key}|{year}"))
        {
            hash = (hash ^ b) * 16777619u;
        }
        return new Random((int)(hash & 0x7FFFFFFF));
    }

    /// <summary>The writers' units: the first commune of each province, then the second, … until there are enough.</summary>
    private static List<(Unit Unit, Province Province, double Level)> WriterUnits(List<(Unit Unit, Province Province, double Level)> communes) =>
        communes.Select((c, index) => (c, index))
            .GroupBy(x => x.c.Province)
            .SelectMany(g => g.Select((x, rank) => (x.c, rank, x.index)))
            .OrderBy(x => x.rank).ThenBy(x => x.index)
            .Take(Writers).Select(x => x.c).ToList();

    private async Task<Dictionary<string, Unit>> ProvincesAsync(IReadOnlyList<Province> provinces, CancellationToken cancellationToken)
    {
        var existingCodes = provinces.Where(p => p.ExistingCode is not null).Select(p => p.ExistingCode!).ToList();
        var existing = await db.Units.Where(u => existingCodes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, cancellationToken);
        var byCode = new Dictionary<string, Unit>();
        foreach (var province in provinces)
        {
            if (province.ExistingCode is { } code && existing.TryGetValue(code, out var unit))
            {
                byCode[province.Code] = unit;
                continue;
            }
            unit = new Unit
            {
                Code = province.UnitCode,
                Name = province.Name,
                Type = UnitType.Province,
                ValidFrom = ValidFrom,
                Source = "Nghị quyết 202/2025/QH15 ngày 12/6/2025 của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh",
            };
            db.Units.Add(unit);
            byCode[province.Code] = unit;
        }
        await db.SaveChangesAsync(cancellationToken);
        return byCode;
    }

    private async Task CreateUserAsync(string userName, string fullName, string role, int? unitId)
    {
        var user = new ApplicationUser { UserName = userName, FullName = fullName, UnitId = unitId, EmailConfirmed = true, CreatedAt = clock.GetUtcNow().UtcDateTime };
        Check(await users.CreateAsync(user, AccountSeeder.DemoPassword), userName);
        Check(await users.AddToRoleAsync(user, role), userName);

        static void Check(IdentityResult result, string userName)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Account {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }
        }
    }

    private async Task<(int Nominations, int Rewards)> RewardsAsync(List<(Unit Unit, Province Province, double Level)> communes,
        Dictionary<string, Unit> provinces, DateTime now, CancellationToken cancellationToken)
    {
        var movementId = await db.Movements.Where(m => m.Code == MovementSeeder.Code).Select(m => m.Id).FirstAsync(cancellationToken);
        var sequence = await db.Decisions.Where(d => d.IssuingBody == "UBND" && d.Year == Year + 1).MaxAsync(d => d.Sequence, cancellationToken) ?? 0;
        var decisionDate = new DateOnly(Year + 1, 1, 20);
        int nominationCount = 0, rewardCount = 0;
        foreach (var group in communes.GroupBy(c => c.Province))
        {
            var ranked = group.OrderByDescending(c => c.Level).ToList();
            var proposed = ranked.Take(Math.Max(1, ranked.Count / 10)).ToList();
            var decided = proposed.Take(Math.Max(1, ranked.Count / 20)).ToList();
            var decision = new RewardDecision
            {
                IssuingBody = "UBND",
                Year = Year + 1,
                Sequence = ++sequence,
                Number = $"{sequence}/QĐ-UBND",
                Date = decisionDate,
                SignerName = "Chủ tịch UBND (dữ liệu minh hoạ)",
                SignerTitle = "Chủ tịch",
                Issuer = $"Chủ tịch UBND {group.Key.Name}",
                CreatedAt = now,
                CreatedBy = "system",
            };
            db.Decisions.Add(decision);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var commune in proposed)
            {
                var isDecided = decided.Contains(commune);
                var achievements = $"Dẫn đầu {group.Key.Name} về chuyển đổi số năm {Year}.";
                var nomination = Nomination.Draft(movementId, NomineeKind.Unit, "system", now);
                nomination.Round = NominationRound.Annual;
                nomination.Year = Year;
                nomination.NomineeUnitId = commune.Unit.Id;
                nomination.ProposingUnitId = commune.Unit.Id;
                nomination.Award = AwardLevel.ChairmanCertificate;
                nomination.Achievements = achievements;
                nomination.Steps.Add(new NominationStep { At = now, UserName = "system", From = NominationStatus.Draft, To = NominationStatus.Submitted });
                nomination.Status = NominationStatus.Submitted;
                if (isDecided)
                {
                    nomination.Steps.Add(new NominationStep { At = now, UserName = "system", From = NominationStatus.Submitted, To = NominationStatus.Decided, Reason = decision.Number });
                    nomination.Status = NominationStatus.Decided;
                    nomination.DecisionId = decision.Id;
                }
                db.Nominations.Add(nomination);
                nominationCount++;
                if (isDecided)
                {
                    await db.SaveChangesAsync(cancellationToken);
                    db.Rewards.Add(new Reward
                    {
                        DecisionId = decision.Id,
                        NominationId = nomination.Id,
                        Award = AwardLevel.ChairmanCertificate,
                        Round = NominationRound.Annual,
                        Year = Year,
                        NomineeKind = NomineeKind.Unit,
                        UnitId = commune.Unit.Id,
                        Achievements = achievements,
                        SearchName = Core.Text.TextSearch.Fold(commune.Unit.Name),
                        SearchOrganization = Core.Text.TextSearch.Fold(provinces[group.Key.Code].Name),
                    });
                    rewardCount++;
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        return (nominationCount, rewardCount);
    }
}
