using CollectifLive.Testing;
using CollectifLive.Web.State;
using CollectifLive.Web.Tests.Support;
using CollectifLive.Workshops;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CollectifLive.Web.Tests.State;

/// <summary>A note goes from the draft the browser keeps, once, even when the connection drops on the way.</summary>
[Collection(ClusterCollection.Name)]
public class DraftSendingTests(TestClusterFixture fixture)
{
    private sealed record Phone(StoreRecorder Recorder, FakeBrowserStorage Browser, Credential Participant, FakeTimeProvider Clock);

    private static async Task<Phone> Open(TestWorkshop workshop)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var browser = new FakeBrowserStorage(clock);
        var amina = await workshop.Join("Amina");
        var sending = new DraftSending(workshop.Gateway, browser, new CircuitClient { Current = TestWorkshop.NewClient() }, clock, NullLogger.Instance);
        var recorder = new StoreRecorder(sending, WorkshopSessionState.Initial with
        {
            Status = SessionStatus.Ready,
            Audience = Audience.Participants,
            WorkshopId = workshop.Id,
            Credential = amina,
        });
        return new Phone(recorder, browser, amina, clock);
    }

    private static async Task<string[]> Notes(TestWorkshop workshop, Credential participant) =>
        [.. (await workshop.Own(participant)).Notes.Select(n => n.Text)];

    [Fact]
    public async Task A_sent_draft_becomes_a_note_and_the_browser_forgets_it()
    {
        await using var workshop = await TestWorkshop.Create(fixture);
        var phone = await Open(workshop);
        phone.Browser.Type(workshop.Id, "Une maison des associations", columnId: "c2", colour: (int)NoteColour.Blue);

        phone.Recorder.Dispatch(new NoteSubmitted(Guid.NewGuid()));

        Assert.True((await phone.Recorder.Until(s => s.Submission is null, "the note to be accepted")).Submission is null);
        var note = Assert.Single((await workshop.Own(phone.Participant)).Notes);
        Assert.Equal(("Une maison des associations", "c2", NoteColour.Blue), (note.Text, note.ColumnId, note.Colour));
        Assert.Null(phone.Browser.Draft(workshop.Id));
    }

    [Fact]
    public async Task An_empty_draft_is_refused_as_text_required()
    {
        await using var workshop = await TestWorkshop.Create(fixture);
        var phone = await Open(workshop);
        phone.Browser.Type(workshop.Id, "   ");

        phone.Recorder.Dispatch(new NoteSubmitted(Guid.NewGuid()));

        var state = await phone.Recorder.Until(s => s.Submission is { Sending: false }, "the refusal");
        Assert.Equal(new Notice(WorkshopError.TextRequired), state.Submission!.Refusal);
        Assert.Empty(await Notes(workshop, phone.Participant));
    }

    [Fact]
    public async Task A_note_refused_for_good_keeps_its_text_and_its_next_sending_is_a_new_operation()
    {
        await using var workshop = await TestWorkshop.Create(fixture);
        var phone = await Open(workshop);
        var tooLong = new string('a', Limits.NoteTextMaxLength + 1);
        phone.Browser.Type(workshop.Id, tooLong);

        phone.Recorder.Dispatch(new NoteSubmitted(Guid.NewGuid()));

        var state = await phone.Recorder.Until(s => s.Submission is { Sending: false }, "the refusal");
        Assert.Equal(new Notice(WorkshopError.TextTooLong, Limits.NoteTextMaxLength), state.Submission!.Refusal);
        var kept = phone.Browser.Draft(workshop.Id)!;
        Assert.Equal(tooLong, kept.Text);
        Assert.Null(kept.OperationId);
    }

    [Fact]
    public async Task A_browser_out_of_reach_when_sending_is_told_as_storage_unavailable()
    {
        await using var workshop = await TestWorkshop.Create(fixture);
        var phone = await Open(workshop);
        phone.Browser.Type(workshop.Id, "Une idée");
        phone.Browser.Unreachable(calls: 1);

        phone.Recorder.Dispatch(new NoteSubmitted(Guid.NewGuid()));

        var state = await phone.Recorder.Until(s => s.Submission is { Sending: false }, "the refusal");
        Assert.Equal(new Notice(WorkshopError.StorageUnavailable), state.Submission!.Refusal);
        Assert.Empty(await Notes(workshop, phone.Participant));
    }

    [Fact]
    public async Task A_draft_sent_just_before_the_connection_dropped_is_sent_again_and_posted_once()
    {
        await using var workshop = await TestWorkshop.Create(fixture);
        var phone = await Open(workshop);
        var operation = Guid.NewGuid();
        phone.Browser.Staged(workshop.Id, "Un jardin partagé", operation, phone.Clock.GetUtcNow());
        // The grain took it, but its answer was lost with the connection.
        Assert.True((await workshop.Gateway.Execute(workshop.Id, phone.Participant, operation, new AddNote("c1", "Un jardin partagé", NoteColour.Yellow))).IsAccepted);
        phone.Clock.Advance(TimeSpan.FromMinutes(2));

        phone.Recorder.Dispatch(new ConnectionRestored());

        var resent = await phone.Recorder.UntilReduced<NoteAccepted>("the draft to be sent again");
        Assert.Equal(operation, resent.OperationId);
        Assert.Equal(["Un jardin partagé"], await Notes(workshop, phone.Participant));
        Assert.Null(phone.Browser.Draft(workshop.Id));
    }

    [Fact]
    public async Task A_draft_sent_too_long_ago_is_not_sent_again_and_its_next_sending_is_a_new_operation()
    {
        await using var workshop = await TestWorkshop.Create(fixture);
        var phone = await Open(workshop);
        phone.Browser.Staged(workshop.Id, "Un jardin partagé", Guid.NewGuid(), phone.Clock.GetUtcNow());
        phone.Clock.Advance(DraftSending.AutomaticResendWindow);

        phone.Recorder.Dispatch(new ConnectionRestored());

        await Eventually.Until(() => phone.Browser.Draft(workshop.Id)!.OperationId is null, "the draft to be unstaged");
        Assert.Empty(phone.Recorder.Reduced<NoteSubmitted>());
        Assert.Equal("Un jardin partagé", phone.Browser.Draft(workshop.Id)!.Text);
    }

    [Fact]
    public async Task A_browser_that_does_not_answer_yet_as_the_connection_comes_back_is_asked_again()
    {
        await using var workshop = await TestWorkshop.Create(fixture);
        var phone = await Open(workshop);
        phone.Browser.Staged(workshop.Id, "Un lieu ouvert le dimanche", Guid.NewGuid(), phone.Clock.GetUtcNow());
        phone.Browser.Unreachable(calls: DraftSending.BrowserAttempts - 1);

        phone.Recorder.Dispatch(new ConnectionRestored());

        // Each new ask waits on the fake clock; it is moved on until the draft is sent.
        await Eventually.Until(
            () =>
            {
                phone.Clock.Advance(DraftSending.BrowserBackoff * DraftSending.BrowserAttempts);
                return phone.Recorder.Reduced<NoteAccepted>().Count == 1;
            },
            "the draft to be sent once the browser answers");
        Assert.Equal(["Un lieu ouvert le dimanche"], await Notes(workshop, phone.Participant));
    }
}
