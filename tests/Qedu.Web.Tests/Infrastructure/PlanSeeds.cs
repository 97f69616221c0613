using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Qedu.Web.Tests.Infrastructure;

/// <summary>Seed 001 imported and published through the API, and its tasks found by printed number.</summary>
public static class PlanSeeds
{
    public static async Task<long> ImportAsync(HttpClient owner, bool publish = true)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Seeds", "001.txt"));
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var imported = await owner.PostAsync("/api/plans/import?fileName=001.txt", content);
        Assert.True(imported.StatusCode == HttpStatusCode.Created, await imported.Content.ReadAsStringAsync());
        var id = (await imported.JsonAsync()).GetProperty("id").GetInt64();
        if (publish)
        {
            using var published = await owner.PostAsync($"/api/plans/{id}/publish", null);
            Assert.Equal(HttpStatusCode.NoContent, published.StatusCode);
        }
        return id;
    }

    /// <summary>The ids of the plan's tasks by printed number.</summary>
    public static async Task<Dictionary<string, long>> TasksAsync(HttpClient client, long planId)
    {
        var plan = await (await client.GetAsync($"/api/plans/{planId}")).JsonAsync();
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        void Walk(JsonElement section)
        {
            foreach (var task in section.GetProperty("tasks").EnumerateArray())
            {
                result[task.GetProperty("number").GetString()!] = task.GetProperty("id").GetInt64();
            }
            foreach (var child in section.GetProperty("sections").EnumerateArray())
            {
                Walk(child);
            }
        }
        foreach (var section in plan.GetProperty("sections").EnumerateArray())
        {
            Walk(section);
        }
        return result;
    }
}
