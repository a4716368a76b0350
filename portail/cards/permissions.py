"""Who may do what with cards and decks, written once.

- Everyone (even without an account) may read a deck and print its kit: cards hold public
  content only. A deck prepared for a private group is seen by that group's members and staff
  only (404 to anyone else), like the group itself.
- Facilitators (of any group), moderators and staff may prepare decks, write cards and refresh
  the generated cards.
- A deck is changed by the person who prepared it, by the facilitators of its group, and by
  staff. A card written by hand is changed by its writer and by staff.
"""

from portail.accounts.roles import is_moderator
from portail.groups.models import Group


def is_facilitator(user):
    return Group.objects.facilitated_by(user).exists()


def may_prepare_decks(user):
    """Create decks, write cards, refresh the generated cards."""
    if not user.is_authenticated or not user.is_active:
        return False
    return is_moderator(user) or is_facilitator(user)


def may_edit_deck(user, deck):
    if not may_prepare_decks(user):
        return False
    if user.is_staff or (deck.created_by_id and deck.created_by_id == user.pk):
        return True
    if not deck.group_id:
        return False
    return Group.objects.facilitated_by(user).filter(pk=deck.group_id).exists()


def may_edit_card(user, card):
    """Only cards written by hand on the portal: generated and reviewed ones come from the
    content and would be overwritten."""
    if card.source or not may_prepare_decks(user):
        return False
    return user.is_staff or (card.created_by_id is not None and card.created_by_id == user.pk)


def groups_for_decks(user):
    """The groups a person may prepare a deck for."""
    if user.is_staff:
        return Group.objects.all()
    return Group.objects.facilitated_by(user)
