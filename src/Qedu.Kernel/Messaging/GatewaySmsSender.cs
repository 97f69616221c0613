using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Qedu.Kernel.Messaging;

/// <summary>
/// Sends through the bureau's SMS gateway (<c>Sms:GatewayUrl</c>): one POST per message with the JSON body
/// <c>{"phone":"13800000000","text":"…","sign":"Qedu"}</c> and the key in the <c>X-Api-Key</c> header. Any 2xx
/// answer means accepted; anything else, no answer within <c>Sms:TimeoutSeconds</c>, or no connection is a
/// <see cref="SmsSendException"/>. The gateway is expected to put the signature in 【】 before the text, as carriers
/// require. A typed client of <see cref="IHttpClientFactory"/>, so connections are pooled and renewed.
/// </summary>
public sealed class GatewaySmsSender(HttpClient http, IOptions<SmsOptions> options) : ISmsSender
{
    /// <summary>The header that carries <c>Sms:ApiKey</c>.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    public async Task SendAsync(string phone, string text, CancellationToken ct = default)
    {
        if (!Codes.MobilePhone.IsValid(phone))
        {
            throw new ArgumentException("A text message goes to an 11-digit mainland mobile number (MobilePhone.Normalize).", nameof(phone));
        }
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.GatewayUrl))
        {
            throw new SmsSendException("No SMS gateway is configured (Sms:GatewayUrl).");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.GatewayUrl)
        {
            Content = JsonContent.Create(new GatewayMessage(phone, text, settings.SignName)),
        };
        request.Headers.Add(ApiKeyHeader, settings.ApiKey);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, settings.TimeoutSeconds)));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new SmsSendException($"The SMS gateway did not answer within {settings.TimeoutSeconds} s.");
        }
        catch (HttpRequestException e)
        {
            throw new SmsSendException($"The SMS gateway could not be reached: {e.Message}", e);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new SmsSendException($"The SMS gateway refused the message: HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
        }
    }

    /// <summary>The documented body (docs/messaging.md); property names fixed here, not by serializer settings.</summary>
    internal sealed record GatewayMessage(
        [property: JsonPropertyName("phone")] string Phone,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("sign")] string Sign);
}
