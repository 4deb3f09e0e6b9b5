package cn.elderguard.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks application logins against the engine's identity service, so officers have one account for
 * Tasklist, the engine REST API and ElderGuard's own endpoints. Authorities are the user's group ids.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final TransactionTemplate transaction;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, TransactionTemplate transaction) {
        this.identityService = identityService;
        this.transaction = transaction;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || credentials == null) {
            throw new BadCredentialsException("用户名或密码错误");
        }
        // API clients send their credentials with every request: check and load groups in one transaction.
        List<SimpleGrantedAuthority> groups = transaction.execute(status -> {
            if (!identityService.checkPassword(userId, credentials.toString())) {
                return null;
            }
            return identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(group -> new SimpleGrantedAuthority(group.getId()))
                .toList();
        });
        if (groups == null) {
            throw new BadCredentialsException("用户名或密码错误");
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
