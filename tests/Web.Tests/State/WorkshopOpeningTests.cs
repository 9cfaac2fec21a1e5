using CollectifLive.Testing;
using CollectifLive.Web.State;
using CollectifLive.Web.Tests.Support;
using CollectifLive.Web.Workshops;
using CollectifLive.Workshops;

namespace CollectifLive.Web.Tests.State;

/// <summary>Opening a workshop for a screen, and keeping it open (or not) as keys, deletion and resyncs come.</summary>
[Collection(ClusterCollection.Name)]
public class WorkshopOpeningTests(TestClusterFixture fixture)
{
    private static (StoreRecorder Recorder, FeedFollowing Feed) Screen(TestWorkshop workshop)
    {
        var feed = new FeedFollowing(workshop.Feeds);
        return (new StoreRecorder(new WorkshopOpening(workshop.Gateway, feed)), feed);
    }

    [Fact]
    public async Task A_console_opens_with_the_facilitator_key_and_not_with_a_participant_key()
    {
        await using var workshop = await TestWorkshop.Create(fixture);
        var amina = await workshop.Join("Amina");
        var (console, feed) = Screen(workshop);
        var (usurper, _) = Screen(workshop);

        console.Dispatch(new OpenWorkshop(workshop.Id, Audience.Facilitator, workshop.Facilitator));
        usurper.Dispatch(new OpenWorkshop(workshop.Id, Audience.Facilitator, amina));

        var opened = await console.Until(s => s.Status == SessionStatus.Ready, "the console to open");
        Assert.Equal(Audience.Facilitator, opened.Shared!.Audience);
        Assert.Equal("Amina", Assert.Single(opened.Shared.Roster.Values).DisplayName);
        var refused = await usurper.Until(s => s.Status == SessionStatus.Failed, "the usurper to be refused");
        Assert.Equal(new Notice(WorkshopError.AccessDenied), refused.Notice);
        Assert.Null(refused.Shared);
        feed.Dispose();
    }

    [Fact]
    public async Task A_malformed_or_unknown_workshop_is_not_found()
    {
        await using var workshop = await TestWorkshop.Create(fixture);
        var (malformed, _) = Screen(workshop);
        var (unknown, _) = Screen(workshop);

        malformed.Dispatch(new OpenWorkshop("not an id", Audience.Participants, null));
        unknown.Dispatch(new OpenWorkshop(Secrets.NewWorkshopId(), Audience.Participants, null));

        Assert.Equal(WorkshopError.WorkshopNotFound, (await malformed.Until(s => s.Status == SessionStatus.Failed, "malformed")).Notice!.Error);
        Assert.Equal(WorkshopError.WorkshopNotFound, (await unknown.Until(s => s.Status == SessionStatus.Failed, "unknown")).Notice!.Error);
    }

    [Fact]
    public async Task A_participant_without_a_key_gets_the_join_form_with_an_operation_for_their_join()
    {
        await using var workshop = await TestWorkshop.Create(fixture);
        var (phone, feed) = Screen(workshop);
        var (other, otherFeed) = Screen(workshop);

        phone.Dispatch(new OpenWorkshop(workshop.Id, Audience.Participants, null));
        other.Dispatch(new OpenWorkshop(workshop.Id, Audience.Participants, null));

        var state = await phone.Until(s => s.Status == SessionStatus.NeedsJoin, "the join form");
        Assert.Equal("Atelier", state.Header!.Title);
        Assert.NotEqual(Guid.Empty, state.JoinOperation);
        var second = await other.Until(s => s.Status == SessionStatus.NeedsJoin, "the other join form");
        Assert.NotEqual(state.JoinOperation, second.JoinOperation);
        feed.Dispose();
        otherFeed.Dispose();
    }

    [Fact]
    public async Task A_participant_with_their_key_opens_with_their_own_notes()
    {
        await using var workshop = await TestWorkshop.Create(fixture);
        var amina = await workshop.Join("Amina");
        var noteId = await workshop.Post(amina, "Un local ouvert le soir");
        var (phone, feed) = Screen(workshop);

        phone.Dispatch(new OpenWorkshop(workshop.Id, Audience.Participants, amina));

        var state = await phone.Until(s => s.Status == SessionStatus.Ready, "the phone to open");
        Assert.Equal("Amina", state.Own!.Me.DisplayName);
        Assert.Equal("Un local ouvert le soir", state.Own.Notes[noteId].Text);
        feed.Dispose();
    }

    [Fact]
    public async Task Keys_reissued_stop_a_console_opened_with_the_old_key_and_not_one_opened_with_the_new()
    {
        await using var workshop = await TestWorkshop.Create(fixture);
        var (old, oldFeed) = Screen(workshop);
        old.Dispatch(new OpenWorkshop(workshop.Id, Audience.Facilitator, workshop.Facilitator));
        await old.Until(s => s.Status == SessionStatus.Ready, "the old console to open");

        var newKey = Secrets.NewKey();
        await workshop.Run(new ReissueKeys(newKey, Secrets.ProjectorKeyFor(newKey)));
        var (renewed, renewedFeed) = Screen(workshop);
        renewed.Dispatch(new OpenWorkshop(workshop.Id, Audience.Facilitator, Credential.Facilitator(newKey)));
        await renewed.Until(s => s.Status == SessionStatus.Ready, "the new console to open");
        await workshop.Gateway.Execute(workshop.Id, Credential.Facilitator(newKey), Guid.NewGuid(), new SetPhase(Phase.Vote));

        var stopped = await old.Until(s => s.Status == SessionStatus.Failed, "the old console to stop");
        Assert.Equal(new Notice(WorkshopError.AccessDenied), stopped.Notice);
        var going = await renewed.Until(s => s.Header?.Phase == Phase.Vote, "the new console to follow");
        Assert.Equal(SessionStatus.Ready, going.Status);
        Assert.Equal(1, going.KeyGeneration);
        oldFeed.Dispose();
        renewedFeed.Dispose();
    }

    [Fact]
    public async Task A_workshop_deleted_while_open_says_so()
    {
        await using var workshop = await TestWorkshop.Create(fixture);
        var (console, feed) = Screen(workshop);
        console.Dispatch(new OpenWorkshop(workshop.Id, Audience.Projector, workshop.Facilitator));
        await console.Until(s => s.Status == SessionStatus.Ready, "the projector to open");

        Assert.True((await workshop.Gateway.Delete(workshop.Id, workshop.Facilitator)).IsAccepted);

        var state = await console.Until(s => s.Status == SessionStatus.Failed, "the projector to stop");
        Assert.Equal(new Notice(WorkshopError.WorkshopDeleted), state.Notice);
        feed.Dispose();
    }
}
