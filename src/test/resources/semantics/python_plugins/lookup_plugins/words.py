from ansible.errors import AnsibleError, AnsibleLookupError
from ansible.plugins.lookup import LookupBase
from ansible.utils.display import Display

display = Display()


class LookupModule(LookupBase):
    def run(self, terms, variables=None, **kwargs):
        display.vvvv('words lookup on %s' % terms)
        sep = kwargs.get('sep', ' ')
        out = []
        for term in terms:
            if term == 'fail':
                raise AnsibleLookupError('words cannot read "%s"' % term)
            if term == 'greeting':
                out.append(variables['greeting'])
                continue
            out.extend(term.split(sep))
        return out
