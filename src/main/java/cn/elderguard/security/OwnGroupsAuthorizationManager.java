package cn.elderguard.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization manager with one query changed. Before every authorization check the stock
 * manager reads the distinct group ids of the whole authorization table (to keep only the user's groups that
 * have any authorization); ElderGuard writes several authorizations per task, so at 200,000 open tasks that is
 * a scan of over a million rows on every Tasklist request. Here only the user's own groups are looked up, by
 * the group index: the same result, read from a handful of index entries (docs/decisions/012).
 */
class OwnGroupsAuthorizationManager extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
        if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
            return Collections.emptyList();
        }
        String prefix = Context.getProcessEngineConfiguration().getDatabaseTablePrefix();
        String sql = "SELECT DISTINCT GROUP_ID_ FROM " + prefix + "ACT_RU_AUTHORIZATION WHERE GROUP_ID_ IN ("
            + String.join(", ", Collections.nCopies(authenticatedGroupIds.size(), "?")) + ")";
        Connection connection = getDbSqlSession().getSqlSession().getConnection();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < authenticatedGroupIds.size(); i++) {
                statement.setString(i + 1, authenticatedGroupIds.get(i));
            }
            List<String> withAuthorizations = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    withAuthorizations.add(rows.getString(1));
                }
            }
            return withAuthorizations;
        } catch (SQLException e) {
            throw new ProcessEngineException("cannot read the authorized groups of " + authenticatedGroupIds, e);
        }
    }
}
