package cn.elderguard.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import cn.elderguard.engine.ModelBean;

/** Placeholder until the records branch lands (issue 15); replaced by its implementation at merge. */
@ModelBean(CampaignProcess.BEAN_REMIND_INFO_REPORT_LAGGARDS)
class RemindInfoReportLaggards implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        // replaced at merge
    }
}
