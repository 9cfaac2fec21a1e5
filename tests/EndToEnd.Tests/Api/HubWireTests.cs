using System.Net.WebSockets;
using System.Text;
using CollectifLive.EndToEnd.Tests.Browser;
using CollectifLive.Testing;
using CollectifLive.Web.Realtime;
using Xunit.Abstractions;

namespace CollectifLive.EndToEnd.Tests.Api;

/// <summary>
/// What one phone on the hub receives when someone posts a note, read as raw WebSocket frames: every phone of the room
/// receives it, so its size is the room's bandwidth.
/// </summary>
[Collection(AppCollection.Name)]
public class HubWireTests(AppFixture app, ITestOutputHelper output)
{
    /// <summary>A note of about a hundred characters, as people write them.</summary>
    private const string NoteText = "Ouvrir la maison de quartier le soir pour que les collectifs se réunissent sans payer";

    /// <summary>
    /// The push of such a note: its fields, the new counts and the SignalR frame, with room for a longer text's bytes;
    /// the header (title, question, columns, settings, timer: about 800 bytes) is not sent again.
    /// </summary>
    private const int NotePushMaxBytes = 600;

    private const char RecordSeparator = '\u001e';

    [Fact]
    public async Task A_notes_push_to_a_phone_carries_the_note_and_the_counts_not_the_header_again()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(app.BaseUrl.Replace("http", "ws", StringComparison.Ordinal) + "/hubs/workshop"), CancellationToken.None);
        await Send(socket, """{"protocol":"json","version":1}""");
        await Send(socket, $$"""{"type":1,"invocationId":"1","target":"Join","arguments":[{"code":"{{workshop.JoinCode}}","displayName":"Léa"}]}""");
        await Eventually.Until(async () => await Receive(socket), frame => frame.Contains("\"invocationId\":\"1\"", StringComparison.Ordinal), "the join's answer");

        await using var writer = await HubClient.Connect(app.BaseUrl);
        Assert.Null((await writer.Join(new HubJoinRequest(workshop.JoinCode, "Amina"))).Error);
        Assert.Null((await writer.AddNote(new HubAddNoteRequest(Guid.NewGuid(), "c1", NoteText))).Error);

        var push = await Eventually.Until(
            async () => await Receive(socket),
            frame => frame.Contains("\"target\":\"Change\"", StringComparison.Ordinal) && frame.Contains(NoteText, StringComparison.Ordinal),
            "the note's push");
        var bytes = Encoding.UTF8.GetByteCount(push);
        output.WriteLine($"{bytes} bytes: {push}");

        Assert.Contains("\"counts\":", push, StringComparison.Ordinal);
        Assert.DoesNotContain("\"header\"", push, StringComparison.Ordinal);
        Assert.DoesNotContain("\"roster\"", push, StringComparison.Ordinal);
        Assert.DoesNotContain("null", push, StringComparison.Ordinal);
        Assert.True(bytes <= NotePushMaxBytes, $"{bytes} bytes");
    }

    private static Task Send(ClientWebSocket socket, string message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message + RecordSeparator), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>One whole WebSocket message (SignalR may batch several records in it; the test reads them as one).</summary>
    private static async Task<string> Receive(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return Encoding.UTF8.GetString(message.ToArray());
    }
}
