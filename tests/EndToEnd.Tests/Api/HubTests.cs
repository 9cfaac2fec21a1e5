using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using CollectifLive.EndToEnd.Tests.Browser;
using CollectifLive.Testing;
using CollectifLive.Web.Realtime;
using CollectifLive.Workshops;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Api;

/// <summary>The SignalR hub as a script or an integration uses it: same grains, same checks as the pages.</summary>
[Collection(AppCollection.Name)]
public class HubTests(AppFixture app)
{
    [Fact]
    public async Task A_script_joins_with_a_code_gets_the_snapshot_then_the_changes_and_its_notes_reach_the_projector()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var first = await HubClient.Connect(app.BaseUrl);
        await using var second = await HubClient.Connect(app.BaseUrl);
        var one = await first.Join(new HubJoinRequest(workshop.JoinCode.ToLowerInvariant(), "Script 1", Presence.Remote));
        Assert.Null(one.Error);
        Assert.Equal(["c1", "c2", "c3"], one.Snapshot!.View.Header.Columns.Select(c => c.Id));
        Assert.Equal(one.ParticipantId, one.Snapshot.Own.Me.Id);

        var two = await second.Join(new HubJoinRequest(workshop.JoinCode, "Script 2"));
        var added = await second.AddNote(new HubAddNoteRequest(Guid.NewGuid(), "c3", "Une préconisation venue d'un script", NoteColour.Purple));
        Assert.Null(added.Error);

        var change = await Eventually.Until(
            () => Task.FromResult(first.Changes.FirstOrDefault(c => c.Delta.Notes?.Upserts.Any(n => n.Id == added.Value) == true)),
            c => c is not null,
            "the first client to receive the second's note");
        Assert.Null(change!.Delta.Notes!.Upserts.Single().AuthorId);
        Assert.Equal(added.Version, change.ToVersion);
        var own = await Eventually.Until(
            () => Task.FromResult(second.OwnChanges.FirstOrDefault(o => !o.Delta.Notes.IsEmpty)),
            o => o is not null,
            "the author's own change");
        Assert.Equal(added.Value, own!.Delta.Notes.Upserts.Single().Id);
        Assert.DoesNotContain(first.OwnChanges, o => o.Delta.Notes.Upserts.Any(n => n.Id == added.Value));

        // Versions arrive contiguous for every client, from its snapshot on.
        var versions = first.Changes.OrderBy(c => c.FromVersion).ToList();
        Assert.Equal(one.Snapshot.Version + 1, versions[0].FromVersion);
        Assert.All(versions.Zip(versions.Skip(1)), pair => Assert.Equal(pair.First.ToVersion + 1, pair.Second.FromVersion));

        await using var projectorContext = await app.Browser.NewContextAsync(Devices.Projector(app.BaseUrl));
        var projector = await Screens.Open(projectorContext, workshop.ProjectorUrl);
        await Expect(Screens.NoteIn(projector, "c3", "Une préconisation venue d'un script")).ToBeVisibleAsync();
        await Expect(projector.Locator("[data-count=remote]")).ToHaveTextAsync("1 à distance");
        Assert.NotNull(two.ParticipantToken);
    }

    [Fact]
    public async Task A_kept_token_rejoins_as_the_same_participant_and_a_retried_note_is_added_once()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        string token;
        var operation = Guid.NewGuid();
        await using (var before = await HubClient.Connect(app.BaseUrl))
        {
            var joined = await before.Join(new HubJoinRequest(workshop.JoinCode, "Amina"));
            token = joined.ParticipantToken!;
            Assert.Null((await before.AddNote(new HubAddNoteRequest(operation, "c1", "Une seule fois"))).Error);
        }

        await using var after = await HubClient.Connect(app.BaseUrl);
        var rejoined = await after.Join(new HubJoinRequest(workshop.JoinCode, ParticipantToken: token));
        var retried = await after.AddNote(new HubAddNoteRequest(operation, "c1", "Une seule fois"));
        var snapshot = await after.Resync();

        Assert.Equal(token, rejoined.ParticipantToken);
        Assert.Null(retried.Error);
        Assert.Single(snapshot!.Own.Notes);
        Assert.Single(snapshot.View.Notes);
    }

    [Fact]
    public async Task A_join_retried_with_its_operation_id_is_the_same_participant_with_a_key_the_server_made()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        var request = new HubJoinRequest(workshop.JoinCode, "Amina", OperationId: Guid.NewGuid());
        await using var first = await HubClient.Connect(app.BaseUrl);
        await using var retry = await HubClient.Connect(app.BaseUrl);
        await using var other = await HubClient.Connect(app.BaseUrl);

        var answered = await first.Join(request);
        var again = await retry.Join(request);
        var another = await other.Join(request with { OperationId = Guid.NewGuid() });

        Assert.Null(again.Error);
        Assert.Equal(answered.ParticipantToken, again.ParticipantToken);
        Assert.NotEqual(answered.ParticipantId, another.ParticipantId);

        // Two participants, not three: the retry made no one new (read from the grain, not from a feed that may lag).
        using var facilitator = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        facilitator.DefaultRequestHeaders.Authorization = new("Bearer", WorkshopApiClient.FacilitatorKey(workshop));
        using var archive = JsonDocument.Parse(await facilitator.GetStringAsync($"/api/workshops/{workshop.WorkshopId}/export/archive.json"));
        Assert.Equal(2, archive.RootElement.GetProperty("workshop").GetProperty("participants").GetArrayLength());

        // The key in the token is 256 bits of the server's making, not anything the request carried.
        var key = answered.ParticipantToken!.Split('.')[1];
        Assert.Equal(43, key.Length);
        Assert.DoesNotContain(request.OperationId!.Value.ToString("N"), answered.ParticipantToken, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_a_message_in_the_callers_language_and_change_nothing()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var french = await HubClient.Connect(app.BaseUrl);
        await using var english = await HubClient.Connect(app.BaseUrl, "en");

        Assert.Equal(WorkshopError.AccessDenied, (await french.AddNote(new HubAddNoteRequest(Guid.NewGuid(), "c1", "avant d'avoir rejoint"))).Error!.Code);
        var unknown = await french.Join(new HubJoinRequest("ZZZZZZ"));
        Assert.Equal(WorkshopError.JoinCodeUnknown, unknown.Error!.Code);
        Assert.Equal("Aucun atelier n'a ce code. Vérifiez-le à l'écran.", unknown.Error.Message);
        Assert.Equal(WorkshopError.JoinCodeMalformed, (await english.Join(new HubJoinRequest("I0O1"))).Error!.Code);
        var forged = await english.Join(new HubJoinRequest(workshop.JoinCode, ParticipantToken: "p1.Forged-secret-that-looks-right-000000000"));
        Assert.Equal(WorkshopError.AccessDenied, forged.Error!.Code);
        Assert.Equal("This link or key is not valid for this workshop.", forged.Error.Message);

        await french.Join(new HubJoinRequest(workshop.JoinCode, "Amina"));
        var tooLong = await french.AddNote(new HubAddNoteRequest(Guid.NewGuid(), "c1", new string('x', Limits.NoteTextMaxLength + 1)));
        var empty = await french.AddNote(new HubAddNoteRequest(Guid.NewGuid(), "c1", "   "));
        var noColumn = await french.AddNote(new HubAddNoteRequest(Guid.NewGuid(), "c9", "quelque part"));
        var tooLongName = await english.Join(new HubJoinRequest(workshop.JoinCode, new string('n', Limits.DisplayNameMaxLength + 1)));

        Assert.Equal((WorkshopError.TextTooLong, (int?)500, "Le texte dépasse 500 caractères."), (tooLong.Error!.Code, tooLong.Error.Limit, tooLong.Error.Message));
        Assert.Equal(WorkshopError.TextRequired, empty.Error!.Code);
        Assert.Equal(WorkshopError.UnknownColumn, noColumn.Error!.Code);
        Assert.Equal("The name is longer than 40 characters.", tooLongName.Error!.Message);
        var snapshot = await french.Resync();
        Assert.Empty(snapshot!.View.Notes);
        Assert.Equal(1, snapshot.View.Header.Counts.InRoom);
    }

    [Fact]
    public async Task A_script_participant_removes_its_name_then_leaves_with_its_notes()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var leaver = await HubClient.Connect(app.BaseUrl);
        await using var witness = await HubClient.Connect(app.BaseUrl);
        var joined = await leaver.Join(new HubJoinRequest(workshop.JoinCode, "Amina"));
        await witness.Join(new HubJoinRequest(workshop.JoinCode, "Bruno"));
        Assert.Null((await leaver.AddNote(new HubAddNoteRequest(Guid.NewGuid(), "c1", "Une idée à reprendre"))).Error);

        var unnamed = await leaver.Connection.InvokeAsync<HubCommandResponse>("RemoveMyName", new HubRemoveNameRequest(Guid.NewGuid()));
        Assert.Null(unnamed.Error);
        var left = await leaver.Connection.InvokeAsync<HubCommandResponse>("LeaveWorkshop", new HubLeaveRequest(Guid.NewGuid(), DeleteNotes: true));
        Assert.Null(left.Error);

        Assert.Empty((await witness.Resync())!.View.Notes);
        var after = await leaver.Connection.InvokeAsync<HubCommandResponse>("AddNote", new HubAddNoteRequest(Guid.NewGuid(), "c1", "Encore ?"));
        Assert.Equal(WorkshopError.AccessDenied, after.Error?.Code);
        await using var back = await HubClient.Connect(app.BaseUrl);
        var rejoined = await back.Join(new HubJoinRequest(workshop.JoinCode, ParticipantToken: joined.ParticipantToken));
        Assert.Equal(WorkshopError.AccessDenied, rejoined.Error?.Code);
    }
}
