from parsers import is_relevant


def test_xinjiang_and_uyghur_spellings_are_relevant():
    assert is_relevant("Rights groups decry camps for Uighurs", "")
    assert is_relevant("", "Forced labour in Sinkiang cotton")
    assert is_relevant("UYGHUR activists rally", None)  # type: ignore[arg-type]


def test_joint_statement_vocabulary_with_un_context_is_relevant():
    assert is_relevant("43 countries rebuke China at UN rights council", "")
    assert is_relevant("Joint statement at the Third Committee", "delivered on behalf of 50 countries")


def test_unrelated_items_are_not():
    assert not is_relevant("Sixth Committee debates sea-level rise", "Island states seek advisory opinion")
    assert not is_relevant("Markets rally", "Shares rose in Tokyo")
