using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Qedu.Kernel.Idempotency;

namespace Qedu.Web.Hosting;

internal static class OpenApiSetup
{
    /// <summary>The OpenAPI document at /openapi/v1.json, describing the bearer tokens the API takes.</summary>
    public static IServiceCollection AddQeduOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Qedu API",
                Version = "v1",
                Description = "青岛教育治理平台数据交换接口。Bearer tokens come from /connect/token (client credentials) or the authorization code flow.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Access token from /connect/token",
            };
            return Task.CompletedTask;
        }).AddOperationTransformer((operation, context, _) =>
        {
            // Writes that take an Idempotency-Key say so, as a required header (the kernel's IdempotencyKeys).
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotencyKeyRequired>().Any())
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = IdempotencyKeys.Header,
                    In = ParameterLocation.Header,
                    Required = true,
                    Description = "A unique key per request (e.g. a UUID), sent again unchanged when the request is retried.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyKeys.MaxKeyLength },
                });
            }
            return Task.CompletedTask;
        }));
}
