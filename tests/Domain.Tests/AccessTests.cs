using CollectifLive.Workshops;

namespace CollectifLive.Domain.Tests;

public class AccessTests
{
    private readonly WorkshopBuilder _workshop = new WorkshopBuilder().WithParticipant("amina").WithParticipant("bruno");

    [Fact]
    public void Each_key_gives_its_own_role()
    {
        var state = _workshop.State;
        var amina = _workshop.ParticipantId("amina");

        Assert.Equal(Actor.Facilitator, WorkshopAccess.Authenticate(state, Credential.Facilitator(WorkshopBuilder.FacilitatorSecret)));
        Assert.Equal(Actor.Projector, WorkshopAccess.Authenticate(state, Credential.Projector(WorkshopBuilder.ProjectorSecret)));
        Assert.Equal(Actor.Participant(amina), WorkshopAccess.Authenticate(state, Credential.Participant(amina, WorkshopBuilder.SecretFor("amina"))));
    }

    [Fact]
    public void A_forged_or_borrowed_key_gives_nothing()
    {
        var state = _workshop.State;
        var amina = _workshop.ParticipantId("amina");
        var bruno = _workshop.ParticipantId("bruno");

        Assert.Null(WorkshopAccess.Authenticate(state, Credential.Facilitator("forged-facilitator-key-000000000")));
        Assert.Null(WorkshopAccess.Authenticate(state, Credential.Facilitator(WorkshopBuilder.ProjectorSecret)));
        Assert.Null(WorkshopAccess.Authenticate(state, Credential.Projector(WorkshopBuilder.FacilitatorSecret)));
        Assert.Null(WorkshopAccess.Authenticate(state, Credential.Participant(bruno, WorkshopBuilder.SecretFor("amina"))));
        Assert.Null(WorkshopAccess.Authenticate(state, Credential.Participant(amina, WorkshopBuilder.FacilitatorSecret)));
        Assert.Null(WorkshopAccess.Authenticate(state, Credential.Participant("p999", WorkshopBuilder.SecretFor("amina"))));
        Assert.Null(WorkshopAccess.Authenticate(state, Credential.Participant(amina, "")));
    }

    [Fact]
    public void A_participant_token_round_trips_and_junk_is_not_a_token()
    {
        var credential = Credential.Participant("p3", "secret-value_0123456789-abc");
        Assert.Equal(credential, Credential.FromParticipantToken(credential.ToParticipantToken()));
        Assert.Null(Credential.FromParticipantToken(null));
        Assert.Null(Credential.FromParticipantToken("no-separator"));
        Assert.Null(Credential.FromParticipantToken(".secret"));
        Assert.Null(Credential.FromParticipantToken("p3."));
        Assert.Null(Credential.FromParticipantToken(new string('x', 300) + ".y"));
    }
}
