package org.bridgeway.referral.reports;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bridgeway.referral.area.ResidentAreas;

/** A few areas of a test, each under its parent, standing in for the reference data's tree. */
final class AreaTree {

    private AreaTree() {
    }

    static ResidentAreas of(List<ResidentAreas.AreaInfo> areas) {
        Map<String, String> parents = areas.stream().filter(a -> a.parent() != null)
                .collect(Collectors.toMap(ResidentAreas.AreaInfo::code, ResidentAreas.AreaInfo::parent));
        ResidentAreas tree = mock(ResidentAreas.class);
        when(tree.areas()).thenReturn(areas);
        when(tree.within(anyString(), anyString())).thenAnswer(call -> {
            for (String a = call.getArgument(0); a != null; a = parents.get(a)) {
                if (a.equals(call.getArgument(1))) {
                    return true;
                }
            }
            return false;
        });
        return tree;
    }

    /** Areas of no particular type, from each one's parent. */
    static ResidentAreas of(Map<String, String> parents) {
        return of(parents.entrySet().stream().map(e -> new ResidentAreas.AreaInfo(e.getKey(), e.getKey(), "AREA", e.getValue(), null, null))
                .toList());
    }
}
