using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Shegong.Web.Features.Accounts;

/// <summary>Tells OpenAPI clients that the API takes a bearer token from <c>POST /api/auth/token</c>.</summary>
internal sealed class BearerOpenApi : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "POST /api/auth/token with { userName, password }, then send Authorization: Bearer <accessToken>.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
