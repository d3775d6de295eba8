# Tightbeam's host for controller-side Python plugins (filter_plugins, test_plugins,
# lookup_plugins). Tightbeam starts one per run and talks to it in JSON lines: it sends
# {"op": ...} requests and reads one {"ok": ...} or {"error": ...} reply each; while a plugin
# runs, this side may ask {"ask": ...} (a variable, a warning) and reads Tightbeam's reply.
# ansible-core is used when importable; otherwise the small modules in SHIMS stand in for the
# names plugins commonly import.
import importlib.util
import json
import os
import sys

PROTOCOL_IN = sys.stdin
# Plugins print (and Ansible's Display writes) to stdout: keep the real stdout for the protocol
# and send everything else to stderr.
PROTOCOL_OUT = os.fdopen(os.dup(1), 'w', encoding='utf-8')
os.dup2(2, 1)
sys.stdout = sys.stderr


def install_shims():
    try:
        import ansible.errors  # noqa: F401
        import ansible.plugins.lookup  # noqa: F401
        return
    except ImportError:
        pass
    import types
    for name in [k for k in sys.modules if k == 'ansible' or k.startswith('ansible.')]:
        del sys.modules[name]
    for name, source in SHIMS:
        module = types.ModuleType(name)
        module.__path__ = []
        sys.modules[name] = module
        exec(compile(source, '<tightbeam shim %s>' % name, 'exec'), module.__dict__)
        parent, _, child = name.rpartition('.')
        if parent:
            setattr(sys.modules[parent], child, module)


def write(message):
    PROTOCOL_OUT.write(json.dumps(message, default=plain_default) + '\n')
    PROTOCOL_OUT.flush()


def plain_default(value):
    if isinstance(value, (set, frozenset, tuple)) or hasattr(value, '__iter__') and not isinstance(value, (str, bytes, dict)):
        return list(value)
    if isinstance(value, bytes):
        return value.decode('utf-8', 'surrogateescape')
    return str(value)


def plain(value):
    """A value JSON can carry: dict keys as text, as Python's str() of them."""
    if isinstance(value, dict):
        return dict((k if isinstance(k, str) else str(k), plain(v)) for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    return value


def ask(message):
    write(message)
    return read_reply()


def read_reply():
    """The next reply from Tightbeam; requests that come first (a plugin used inside a variable
    a plugin asked for) are served on the way."""
    while True:
        line = PROTOCOL_IN.readline()
        if not line:
            sys.exit(0)
        message = json.loads(line)
        if 'op' in message:
            write(serve(message))
        else:
            return message


class Variables(dict):
    """A lookup's `variables`: each asked of Tightbeam when the plugin reads it."""

    def _names(self):
        return ask({'ask': 'names'})['ok']

    def __getitem__(self, key):
        reply = ask({'ask': 'var', 'name': key})
        if 'missing' in reply:
            raise KeyError(key)
        if 'error' in reply:
            raise error_class(reply['error'])(reply['error']['msg'])
        return reply['ok']

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        return key in self._names()

    def keys(self):
        return self._names()

    def __iter__(self):
        return iter(self._names())

    def __len__(self):
        return len(self._names())

    def items(self):
        return [(k, self[k]) for k in self._names()]

    def values(self):
        return [self[k] for k in self._names()]

    def copy(self):
        return dict(self.items())


def error_class(error):
    import ansible.errors as errors
    return getattr(errors, error.get('type', '').rpartition('.')[2], errors.AnsibleError)


class Loader(object):
    """The part of Ansible's DataLoader lookups use to find files."""

    def get_basedir(self):
        return os.getcwd()

    def path_dwim_relative_stack(self, paths, dirname, source, is_role=False):
        if os.path.isabs(source):
            if os.path.exists(source):
                return source
        else:
            for base in ask({'ask': 'search', 'subdir': dirname or ''})['ok']:
                candidate = os.path.join(base, source)
                if os.path.exists(candidate):
                    return candidate
        import ansible.errors as errors
        raise errors.AnsibleFileNotFound("Unable to find '%s' in expected paths" % source)

    def _get_file_contents(self, path):
        with open(path, 'rb') as f:
            return f.read(), False

    def get_real_file(self, path, decrypt=True):
        return path


class Templar(object):
    """The part of Ansible's Templar lookups use: text templated by Tightbeam."""

    def template(self, value, *args, **kwargs):
        if isinstance(value, str) and ('{{' in value or '{%' in value):
            reply = ask({'ask': 'template', 'value': value})
            if 'error' in reply:
                raise error_class(reply['error'])(reply['error']['msg'])
            return reply['ok']
        return value

    @property
    def available_variables(self):
        return Variables()


MODULES = {}
FILTERS = {}
TESTS = {}


def load_module(path):
    if path not in MODULES:
        name = 'tightbeam_plugin_%d_%s' % (len(MODULES), os.path.basename(path)[:-3])
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        MODULES[path] = module
    return MODULES[path]


def load(kind, dirs):
    """Loads every plugin file of `kind` in `dirs` (in order; a name's first definition wins); a
    collection's folder comes as [folder, 'ns.name.']."""
    table, cls, method = (FILTERS, 'FilterModule', 'filters') if kind == 'filter' else (TESTS, 'TestModule', 'tests')
    table.clear()
    names = {}
    warnings = []
    for d in dirs:
        prefix = ''
        if isinstance(d, list):  # a collection's folder: its names go with the collection's
            d, prefix = d
        try:
            files = sorted(f for f in os.listdir(d) if f.endswith('.py') and not f.startswith('_'))
        except OSError:
            continue
        for f in files:
            path = os.path.join(d, f)
            if prefix:
                # a collection's file: any failure is Ansible's warning naming the plugin
                try:
                    found = getattr(getattr(load_module(path), cls)(), method)()
                except Exception as e:
                    warnings.append("Skipping %s plugins in %s%s'; an error occurred while loading: %s"
                                    % (kind, prefix, f[:-3], e))
                    continue
            else:
                try:
                    module = load_module(path)
                except Exception as e:
                    warnings.append('Skipping plugin (%s), cannot load: %s' % (path, e))
                    continue
                try:
                    # a legacy plugin class that fails to list its names is skipped without a word
                    found = getattr(getattr(module, cls)(), method)() if hasattr(module, cls) else {}
                except Exception:
                    continue
            for name, func in found.items():
                name = prefix + name
                if name not in names:
                    names[name] = path
                    table[name] = func
    return {'ok': names, 'warnings': warnings}


def lookup(name, path, terms, kwargs):
    module = load_module(path)
    instance = module.LookupModule(loader=Loader(), templar=Templar())
    instance._load_name = name
    instance._original_path = path
    return instance.run(terms, Variables(), **kwargs)


def describe(e):
    import ansible.errors as errors
    kind = type(e)
    if kind.__module__ in ('builtins', 'exceptions'):
        type_name = kind.__name__
    else:
        type_name = '%s.%s' % (kind.__module__, kind.__name__)
        if isinstance(e, errors.AnsibleError):
            # a plugin's own subclass is worded as its nearest class of Ansible's
            for base in kind.__mro__:
                if getattr(errors, base.__name__, None) is base:
                    type_name = 'ansible.errors.' + base.__name__
                    break
    return {'error': {'type': type_name, 'msg': str(e)}}


def serve(message):
    op = message['op']
    try:
        if op == 'load':
            return load(message['kind'], message['dirs'])
        if op == 'filter':
            return {'ok': plain(FILTERS[message['name']](*message['args'], **message['kwargs']))}
        if op == 'test':
            return {'ok': plain(TESTS[message['name']](*message['args'], **message['kwargs']))}
        if op == 'lookup':
            return {'ok': plain(lookup(message['name'], message['path'], message['terms'], message['kwargs']))}
        return {'error': {'type': 'ValueError', 'msg': 'unknown request %r' % op}}
    except SystemExit:
        raise
    except BaseException as e:
        return describe(e)


SHIMS = [
    ('ansible', "__version__ = '2.14.0'\n"),
    ('ansible.errors', '''
class AnsibleError(Exception):
    def __init__(self, message='', obj=None, show_content=True, suppress_extended_error=False, orig_exc=None):
        super(AnsibleError, self).__init__(message)
        self._message = str(message)
        self.obj = obj
        self.orig_exc = orig_exc

    @property
    def message(self):
        return self._message

    def __str__(self):
        return self._message

class AnsibleAssertionError(AnsibleError, AssertionError): pass
class AnsibleOptionsError(AnsibleError): pass
class AnsibleParserError(AnsibleError): pass
class AnsibleInternalError(AnsibleError): pass
class AnsibleRuntimeError(AnsibleError): pass
class AnsibleModuleError(AnsibleRuntimeError): pass
class AnsibleConnectionFailure(AnsibleRuntimeError): pass
class AnsibleAuthenticationFailure(AnsibleConnectionFailure): pass
class AnsibleCallbackError(AnsibleRuntimeError): pass
class AnsibleTemplateError(AnsibleRuntimeError): pass
class AnsibleFilterError(AnsibleTemplateError): pass
class AnsibleLookupError(AnsibleTemplateError): pass
class AnsibleUndefinedVariable(AnsibleTemplateError): pass
class AnsibleFilterTypeError(AnsibleTemplateError, TypeError): pass
class AnsibleFileNotFound(AnsibleRuntimeError): pass
class AnsiblePluginError(AnsibleError): pass
class AnsibleAction(AnsibleRuntimeError): pass
class AnsibleActionSkip(AnsibleAction): pass
class AnsibleActionFail(AnsibleAction): pass
'''),
    ('ansible.module_utils', ''),
    ('ansible.module_utils.six', '''
import sys
PY2 = False
PY3 = True
string_types = (str,)
integer_types = (int,)
class_types = (type,)
text_type = str
binary_type = bytes
MAXSIZE = sys.maxsize
def iteritems(d, **kw): return iter(d.items(**kw))
def iterkeys(d, **kw): return iter(d.keys(**kw))
def itervalues(d, **kw): return iter(d.values(**kw))
def with_metaclass(meta, *bases):
    return meta('NewBase', bases or (object,), {})
def add_metaclass(metaclass):
    def wrapper(cls):
        body = dict(cls.__dict__)
        body.pop('__dict__', None)
        body.pop('__weakref__', None)
        return metaclass(cls.__name__, cls.__bases__, body)
    return wrapper
'''),
    ('ansible.module_utils.common', ''),
    ('ansible.module_utils.common.text', ''),
    ('ansible.module_utils.common.text.converters', '''
def to_bytes(obj, encoding='utf-8', errors=None, nonstring='simplerepr'):
    if isinstance(obj, bytes):
        return obj
    if not isinstance(obj, str):
        if nonstring == 'passthru':
            return obj
        if nonstring == 'empty':
            return b''
        obj = str(obj)
    return obj.encode(encoding, 'surrogateescape' if errors in (None, 'surrogate_or_strict', 'surrogate_or_replace', 'surrogate_then_replace') else errors)

def to_text(obj, encoding='utf-8', errors=None, nonstring='simplerepr'):
    if isinstance(obj, str):
        return obj
    if isinstance(obj, bytes):
        return obj.decode(encoding, 'surrogateescape' if errors in (None, 'surrogate_or_strict', 'surrogate_or_replace', 'surrogate_then_replace') else errors)
    if nonstring == 'passthru':
        return obj
    if nonstring == 'empty':
        return ''
    return str(obj)

to_native = to_text
'''),
    ('ansible.module_utils._text', 'from ansible.module_utils.common.text.converters import to_bytes, to_text, to_native\n'),
    ('ansible.module_utils.common._collections_compat', 'from collections.abc import *\n'),
    ('ansible.module_utils.common.collections', '''
from collections.abc import Mapping, Sequence, Set, Iterable
def is_string(seq):
    return isinstance(seq, (str, bytes))
def is_iterable(seq, include_strings=False):
    return isinstance(seq, Iterable) and (include_strings or not is_string(seq))
def is_sequence(seq, include_strings=False):
    return isinstance(seq, Sequence) and (include_strings or not is_string(seq))
'''),
    ('ansible.module_utils.parsing', ''),
    ('ansible.module_utils.parsing.convert_bool', '''
BOOLEANS_TRUE = frozenset(('y', 'yes', 'on', '1', 'true', 't', 1, 1.0, True))
BOOLEANS_FALSE = frozenset(('n', 'no', 'off', '0', 'false', 'f', 0, 0.0, False))
BOOLEANS = BOOLEANS_TRUE.union(BOOLEANS_FALSE)
def boolean(value, strict=True):
    if isinstance(value, bool):
        return value
    normalized = value.lower().strip() if isinstance(value, str) else value
    if normalized in BOOLEANS_TRUE:
        return True
    if normalized in BOOLEANS_FALSE or not strict:
        return False
    raise TypeError("The value '%s' is not a valid boolean.  Valid booleans include: %s"
                    % (value, ', '.join(repr(i) for i in BOOLEANS)))
'''),
    ('ansible.utils', ''),
    ('ansible.utils.display', '''
import sys
class Display(object):
    verbosity = 0
    def display(self, msg, *args, **kwargs):
        sys.stderr.write(str(msg) + '\\n')
    def _at(self, level, msg, host=None):
        if self.verbosity >= level:
            self.display(msg)
    def v(self, msg, host=None): self._at(1, msg)
    def vv(self, msg, host=None): self._at(2, msg)
    def vvv(self, msg, host=None): self._at(3, msg)
    def vvvv(self, msg, host=None): self._at(4, msg)
    def vvvvv(self, msg, host=None): self._at(5, msg)
    def vvvvvv(self, msg, host=None): self._at(6, msg)
    def debug(self, msg, host=None): pass
    def warning(self, msg, formatted=False):
        import __main__
        __main__.ask({'ask': 'warn', 'msg': str(msg)})
    def deprecated(self, msg, version=None, removed=False, date=None, collection_name=None):
        self.warning('%s. This feature will be removed in a future release.' % msg)
    def error(self, msg, wrap_text=True):
        sys.stderr.write('ERROR! %s\\n' % msg)
'''),
    ('ansible.utils.unsafe_proxy', '''
class AnsibleUnsafe(object):
    __UNSAFE__ = True
class AnsibleUnsafeText(str, AnsibleUnsafe): pass
class AnsibleUnsafeBytes(bytes, AnsibleUnsafe): pass
def wrap_var(v):
    if isinstance(v, dict):
        return dict((wrap_var(k), wrap_var(x)) for k, x in v.items())
    if isinstance(v, (list, tuple, set)):
        return type(v)(wrap_var(x) for x in v)
    if isinstance(v, str) and not isinstance(v, AnsibleUnsafe):
        return AnsibleUnsafeText(v)
    if isinstance(v, bytes) and not isinstance(v, AnsibleUnsafe):
        return AnsibleUnsafeBytes(v)
    return v
'''),
    ('ansible.plugins', '''
class AnsiblePlugin(object):
    def __init__(self):
        self._options = {}
    def get_option(self, option, hostvars=None):
        if option not in self._options:
            from ansible.errors import AnsibleError
            raise KeyError(option)
        return self._options[option]
    def get_options(self, hostvars=None):
        return dict(self._options)
    def set_option(self, option, value):
        self._options[option] = value
    def set_options(self, task_keys=None, var_options=None, direct=None):
        if direct:
            self._options.update(direct)
    def has_option(self, option):
        return option in self._options
'''),
    ('ansible.plugins.filter', ''),
    ('ansible.plugins.test', ''),
    ('ansible.plugins.lookup', '''
from ansible.plugins import AnsiblePlugin
from ansible.errors import AnsibleFileNotFound
class LookupBase(AnsiblePlugin):
    def __init__(self, loader=None, templar=None, **kwargs):
        super(LookupBase, self).__init__()
        self._loader = loader
        self._templar = templar
    def get_basedir(self, variables):
        return self._loader.get_basedir()
    @staticmethod
    def _flatten(terms):
        out = []
        for term in terms:
            if isinstance(term, (list, tuple)):
                out.extend(term)
            else:
                out.append(term)
        return out
    @staticmethod
    def _combine(a, b):
        return [x + [y] if isinstance(x, list) else [x, y] for x in a for y in b]
    @staticmethod
    def _flatten_hash_to_list(terms):
        return [{'key': k, 'value': v} for k, v in terms.items()]
    def run(self, terms, variables=None, **kwargs):
        raise NotImplementedError
    def find_file_in_search_path(self, myvars, subdir, needle, ignore_missing=False):
        try:
            return self._loader.path_dwim_relative_stack([], subdir, needle)
        except AnsibleFileNotFound:
            if not ignore_missing:
                self._display_warning("Unable to find '%s' in expected paths (use -vvvvv to see paths)" % needle)
            return None
    def _display_warning(self, msg):
        from ansible.utils.display import Display
        Display().warning(msg)
'''),
]

if __name__ == '__main__':
    install_shims()
    write({'ready': True})
    while True:
        line = PROTOCOL_IN.readline()
        if not line:
            break
        write(serve(json.loads(line)))
