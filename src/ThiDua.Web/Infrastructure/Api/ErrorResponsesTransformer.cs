using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace ThiDua.Web.Infrastructure.Api;

/// <summary>
/// Makes the OpenAPI document say what each operation can answer besides success (security issue: "the OpenAPI
/// document tells the truth"), from the endpoint's own metadata rather than by hand:
/// <list type="bullet">
/// <item>400 when it takes parameters or a body (malformed, wrong types, out of range), 404 when it names something
/// by path or code (missing, or another unit's), 409 for writes (a stale version, a step out of order);</item>
/// <item>401 and 403 unless its policy is <see cref="Policies.Public"/>, which also declares no security;</item>
/// <item>413 and 415 for uploads, 429 where a rate limit applies;</item>
/// <item><c>If-Match</c> on updates whose body carries a <c>version</c>; <c>page</c> from 1 and <c>pageSize</c> 1–500.</item>
/// </list>
/// Every error is <c>application/problem+json</c>. A test compares these with the statuses the suite observes.
/// </summary>
public sealed class ErrorResponsesTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var isPublic = metadata.OfType<IAuthorizeData>().Any(a => a.Policy == Policies.Public);
        var method = description.HttpMethod ?? "GET";
        var writes = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);
        var hasInput = description.ParameterDescriptions.Count > 0;
        var uploads = description.ParameterDescriptions.Any(p => p.Source == BindingSource.Form || p.Source == BindingSource.FormFile);

        var statuses = new SortedSet<int>();
        if (hasInput)
        {
            statuses.Add(StatusCodes.Status400BadRequest);
            statuses.Add(StatusCodes.Status404NotFound);
        }
        if (!isPublic)
        {
            statuses.Add(StatusCodes.Status401Unauthorized);
            statuses.Add(StatusCodes.Status403Forbidden);
            if (writes)
            {
                statuses.Add(StatusCodes.Status409Conflict);
            }
        }
        if (uploads)
        {
            statuses.Add(StatusCodes.Status413PayloadTooLarge);
            statuses.Add(StatusCodes.Status415UnsupportedMediaType);
        }
        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            statuses.Add(StatusCodes.Status429TooManyRequests);
        }
        foreach (var status in metadata.OfType<DeclaredProblem>().Select(d => d.Status))
        {
            statuses.Add(status);
        }

        var problem = await ProblemSchemaAsync(context, cancellationToken);
        operation.Responses ??= new OpenApiResponses();
        foreach (var status in statuses)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.TryGetValue(key, out var declared))
            {
                // A status the endpoint answers with its own body (the import's row report) can also be a problem.
                if (declared is OpenApiResponse own)
                {
                    own.Content ??= new Dictionary<string, OpenApiMediaType>();
                    own.Content.TryAdd(ContentTypes.Problem, new OpenApiMediaType { Schema = problem });
                }
                continue;
            }
            operation.Responses[key] = new OpenApiResponse
            {
                Description = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
                Content = new Dictionary<string, OpenApiMediaType> { [ContentTypes.Problem] = new() { Schema = problem } },
            };
        }
        if (isPublic)
        {
            operation.Security = [];
        }
        DescribeParameters(operation, description);
    }

    /// <summary>One shared ProblemDetails schema (with <c>traceId</c> and the validation <c>errors</c>), referenced by every error response.</summary>
    private static async Task<IOpenApiSchema> ProblemSchemaAsync(OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        const string Name = "ProblemDetails";
        var document = context.Document!;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(Name))
        {
            var schema = (OpenApiSchema)await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            schema.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String };
            schema.Properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
            document.Components.Schemas[Name] = schema;
        }
        return new OpenApiSchemaReference(Name, document);
    }

    private static void DescribeParameters(OpenApiOperation operation, Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription description)
    {
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is OpenApiParameter { In: ParameterLocation.Query, Schema: OpenApiSchema schema } query)
            {
                switch (query.Name)
                {
                    case "page":
                        schema.Minimum = "1";
                        break;
                    case "pageSize":
                        schema.Minimum = "1";
                        schema.Maximum = Paging.MaxSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        break;
                }
            }
        }
        var body = description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;
        if (HttpMethods.IsPut(description.HttpMethod ?? "") && body?.GetProperty("Version") is not null)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Description = "ETag of the version read (W/\"3\"), unless the body gives it as version: one of the two is required; a stale one answers 409.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
    }
}

/// <summary>An error status an endpoint answers that its metadata cannot tell (<see cref="ErrorResponsesTransformer"/>).</summary>
public sealed record DeclaredProblem(int Status);

public static class DeclaredProblems
{
    public static TBuilder Answers<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(statuses.Select(s => (object)new DeclaredProblem(s)).ToArray());
}
