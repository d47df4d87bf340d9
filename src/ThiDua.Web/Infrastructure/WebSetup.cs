using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using ThiDua.Web.Data;
using ThiDua.Web.Features.Accounts;
using ThiDua.Web.Features.Admin;
using ThiDua.Web.Features.Assessment;
using ThiDua.Web.Features.Calendar;
using ThiDua.Web.Features.Documents;
using ThiDua.Web.Features.Feedback;
using ThiDua.Web.Features.Initiatives;
using ThiDua.Web.Features.Movements;
using ThiDua.Web.Features.Notifications;
using ThiDua.Web.Features.Public;
using ThiDua.Web.Features.Reports;
using ThiDua.Web.Features.Targets;
using ThiDua.Web.Features.Tasks;
using ThiDua.Web.Infrastructure.Documents;
using ThiDua.Web.Infrastructure.Files;
using ThiDua.Web.Features.Rewards;
using ThiDua.Web.Features.Units;
using ThiDua.Web.Infrastructure;
using ThiDua.Web.Infrastructure.Audit;
using ThiDua.Web.Infrastructure.Errors;
using ThiDua.Web.Infrastructure.Security;
using ThiDua.Web.Infrastructure.Signing;

namespace ThiDua.Web;

/// <summary>What Program.cs calls: services, middleware and endpoints of every area, in one readable place.</summary>
public static class WebSetup
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static WebApplicationBuilder AddThiDua(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddWebHardening();
        if (builder.Configuration["urls"] is null && builder.Configuration["ASPNETCORE_URLS"] is null && builder.Configuration["HTTP_PORTS"] is null)
        {
            builder.WebHost.UseUrls("http://localhost:5080");
        }

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddThiDuaDatabase(builder.Configuration, builder.Environment);
        services.AddThiDuaAuth();
        services.AddThiDuaRateLimits(builder.Configuration);

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = TraceIds.Of(context.HttpContext);
            if (context.ProblemDetails is HttpValidationProblemDetails validation && validation.Detail is null)
            {
                // Validation of request bodies (AddValidation) names the fields; the summary is in Vietnamese.
                validation.Title = "Dữ liệu không hợp lệ";
                validation.Detail = "Yêu cầu có trường thiếu hoặc sai: " + string.Join(", ", validation.Errors.Keys) + ".";
            }
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddValidation();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options => ConfigureJson(options.SerializerOptions));

        // Razor would otherwise write every Vietnamese letter as &#x…; entities.
        services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Features";
            options.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
            options.Conventions.ConfigureFilter(new MissingHandlerFilter());
        }).AddMvcOptions(options =>
        {
            UseVietnameseBindingMessages(options.ModelBindingMessageProvider);
            options.ModelBinderProviders.Insert(0, new ThiDua.Web.Infrastructure.Pages.DateInputModelBinderProvider());
        });
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<BearerSecurityTransformer>();
            options.AddOperationTransformer<Infrastructure.Api.ErrorResponsesTransformer>();
        });
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        // One block per area (Features/<Area>): its services by use case, and its resource authorisation handlers.
        services.AddScoped<UnitService>();
        services.AddScoped<ReorganizationService>();
        services.AddScoped<ClusterService>();
        services.AddScoped<UserService>();
        services.AddScoped<AuditService>();
        services.AddFiles(builder.Configuration);
        services.AddDocumentSigning(builder.Configuration);
        services.AddScoped<CalendarService>();

        services.AddSingleton<FrameworkCache>();
        services.AddScoped<FrameworkService>();
        services.AddScoped<AssessmentService>();
        services.AddScoped<SelfAssessmentService>();
        services.AddScoped<AppraisalService>();
        services.AddScoped<AssessmentImportService>();
        services.AddScoped<ResultsService>();
        services.AddOptions<ResultsOptions>().Bind(builder.Configuration.GetSection(ResultsOptions.Section));
        services.AddSingleton<ResultsSignal>();
        services.AddHostedService<ResultsRefreshService>();

        services.AddScoped<TargetService>();
        services.AddScoped<TaskService>();
        services.AddScoped<TaskCompletionService>();
        services.AddScoped<TaskImportService>();

        services.AddScoped<NotificationService>();
        services.AddScoped<Features.Home.WorkList>();
        services.AddScoped<MovementService>();
        services.AddScoped<ReportService>();
        services.AddScoped<ConsolidatedReportBuilder>();
        services.AddScoped<ReminderRunner>();
        services.AddHostedService<ReminderService>();
        services.AddScoped<FeedbackService>();
        services.AddScoped<Features.Inspections.InspectionService>();
        services.AddScoped<Features.Dashboard.DashboardService>();

        services.AddOptions<RewardOptions>().Bind(builder.Configuration.GetSection(RewardOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RewardOptions>, RewardOptionsValidator>();
        services.AddSingleton<IAuthorizationHandler, NominationAccessHandler>();
        services.AddSingleton<IAuthorizationHandler, CouncilSessionAccessHandler>();
        services.AddSingleton<IAuthorizationHandler, IssueDecisionHandler>();
        services.AddScoped<NominationService>();
        services.AddScoped<DossierService>();
        services.AddScoped<BoardReviewService>();
        services.AddScoped<NominationNotices>();
        services.AddScoped<EligibilityService>();
        services.AddScoped<PublicNoticeService>();
        services.AddScoped<CouncilService>();
        services.AddScoped<DecisionService>();
        services.AddScoped<RewardHistoryService>();
        services.AddScoped<OpenDataCatalog>();
        services.AddScoped<PortalService>();
        services.AddScoped<RewardRulesService>();
        services.AddScoped<CouncilRegistryService>();
        services.AddScoped<StateProposalService>();
        services.AddOfficialDocuments(builder.Configuration);

        services.AddSingleton<DocumentJobRunner>();
        services.AddHostedService<DocumentQueueService>();
        services.AddScoped<DocumentService>();
        services.AddScoped<RecordDocuments>();
        services.AddScoped<DetachedSignatures>();

        services.AddScoped<InitiativeService>();
        services.AddScoped<InitiativeReviewService>();
        services.AddScoped<InitiativeFileService>();
        services.AddScoped<PublishedInitiatives>();
        services.AddScoped<NominationEvidence>();
        return builder;
    }

    /// <summary>A page form with "abc" in a number field says so in Vietnamese, not in the framework's English.</summary>
    private static void UseVietnameseBindingMessages(Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"Giá trị \"{value}\" của trường {field} không hợp lệ.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Giá trị \"{value}\" không hợp lệ.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"Giá trị của trường {field} không hợp lệ.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị không hợp lệ.");
        messages.SetValueIsInvalidAccessor(value => $"Giá trị \"{value}\" không hợp lệ.");
        messages.SetValueMustBeANumberAccessor(field => $"Trường {field} phải là số.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Giá trị phải là số.");
        messages.SetValueMustNotBeNullAccessor(value => $"Cần nhập trường {value}.");
        messages.SetMissingBindRequiredValueAccessor(field => $"Thiếu trường {field}.");
        messages.SetMissingKeyOrValueAccessor(() => "Thiếu giá trị.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Thiếu nội dung yêu cầu.");
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    }

    public static WebApplication UseThiDua(this WebApplication app)
    {
        app.UseWebHardening();
        // Outside the error handler, so that an open answer's ProblemDetails carries the headers too.
        app.UseWhen(OpenDataCaching.Applies, open => open.UseMiddleware<OpenDataCaching>());
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // API errors are written by ProblemDetailsExceptionHandler; pages re-execute the Vietnamese error page.
            ExceptionHandlingPath = "/loi/500",
            StatusCodeSelector = ProblemDetailsExceptionHandler.StatusOf,
            // Known faults (400, 403, 404, 409) are the caller's, not the server's: no error log for them; the others
            // are logged once, with the trace id, by ProblemDetailsExceptionHandler (a scanner's 500s once filled the
            // disk with two stack traces per request).
            SuppressDiagnosticsCallback = _ => true,
        });
        // API errors without a body (401, 403, 404 of routing) become ProblemDetails; pages get the Vietnamese error page.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/loi/{0}"));
        app.UseMiddleware<NulCharacters>();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Vietnamese),
            SupportedCultures = [Vietnamese],
            SupportedUICultures = [Vietnamese],
        });
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = StaticFileCaching.Apply });
        app.UseRouting();
        app.UseAuthentication();
        // Every log line of a request carries the signed-in user's id (never the name); the host adds the trace id.
        app.Use(async (context, next) =>
        {
            using var scope = app.Logger.BeginScope(new Dictionary<string, object?> { ["UserId"] = context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value });
            await next(context);
        });
        app.UseMiddleware<Infrastructure.Auth.BearerSessionCheck>();
        app.UseRateLimiter();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api/v1"), api => api.UseMiddleware<Infrastructure.Auth.CookieApiAntiforgery>());
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapThiDua(this WebApplication app)
    {
        app.MapHealthChecks("/healthz").RequireAuthorization(Policies.Public);
        app.MapApiDocs();
        app.MapAccountsApi();
        app.MapUnitsApi();
        app.MapAdminApi();
        app.MapFilesApi();
        app.MapAssessmentApi();
        app.MapOpenDataApi();
        app.MapTargetsApi();
        app.MapTasksApi();
        app.MapNotificationsApi();
        app.MapMovementsApi();
        app.MapReportsApi();
        app.MapCalendarApi();
        app.MapFeedbackApi();
        Features.Inspections.InspectionsApi.MapInspectionsApi(app);
        Features.Dashboard.DashboardApi.MapDashboardApi(app);
        app.MapRewardsApi();
        app.MapDocumentsApi();
        app.MapRulesApi();
        app.MapInitiativesApi();
        app.MapRazorPages();
        return app;
    }
}
