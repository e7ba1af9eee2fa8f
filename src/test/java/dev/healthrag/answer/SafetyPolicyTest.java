package dev.healthrag.answer;

import dev.healthrag.HealthRagConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafetyPolicyTest {

    private final SafetyPolicy policy = new SafetyPolicy(configWithDisclaimer("Not medical advice."));

    @ParameterizedTest
    @ValueSource(strings = {"I get chest pain when I run uphill", "my dad collapsed at the gym",
            "I can't breathe properly after exercise", "my pee is dark brown after a hard workout",
            "my friend is confused and hot after the marathon", "I'm thinking about suicide",
            "her face is drooping and speech slurred"})
    void redFlagSymptomsAreEmergencies(String question) {
        assertTrue(policy.isEmergency(question));
    }

    @ParameterizedTest
    @ValueSource(strings = {"why do my muscles twitch after a workout", "how much water should I drink",
            "best stretches for tight hamstrings"})
    void everydayQuestionsAreNot(String question) {
        assertFalse(policy.isEmergency(question));
    }

    @Test
    void finishedTextPutsTheNoticeFirstAndTheDisclaimerLast() {
        String text = policy.finish("Body [1].", true);

        assertTrue(text.startsWith(SafetyPolicy.EMERGENCY_NOTICE));
        assertTrue(text.endsWith("Body [1].\n\nNot medical advice."));
        assertEquals("Body.\n\nNot medical advice.", policy.finish("Body.", false));
    }

    /** The disclaimer is the only key SafetyPolicy reads. */
    static HealthRagConfig configWithDisclaimer(String disclaimer) {
        return (HealthRagConfig) Proxy.newProxyInstance(HealthRagConfig.class.getClassLoader(),
                new Class<?>[] {HealthRagConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("disclaimer")) {
                        return disclaimer;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
